using Registrar.Core.Orders;
using Registrar.Storage.Tables;

namespace Registrar.Api.Banks;

/// <summary>
/// The invoices the payment matcher read while judging one credit, so that paying the invoice it matched writes the
/// copy just read instead of reading it again (issue 16). The write is conditional on that copy's ETag, so an invoice
/// changed in between costs only the read then. Ambient for the judging's async flow, as the lifecycle's follow-ups
/// are, because the read happens inside the matcher, which knows nothing of storage.
/// </summary>
public sealed class InvoicesJustRead : IDisposable
{
    private static readonly AsyncLocal<InvoicesJustRead?> Ambient = new();

    private readonly InvoicesJustRead? _outer;
    private readonly Dictionary<string, Stored<Invoice>> _read = new(StringComparer.Ordinal);

    private InvoicesJustRead()
    {
        _outer = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>Keeps the invoices read in the current async flow until disposed.</summary>
    public static InvoicesJustRead Begin() => new();

    public static void Remember(string invoiceNumber, Stored<Invoice> stored)
    {
        if (Ambient.Value is not { } reads) return;
        lock (reads._read) reads._read[invoiceNumber] = stored;
    }

    /// <summary>The copy read of <paramref name="invoiceNumber"/> in the current flow, left for <see cref="Take"/>; null when none was.</summary>
    public static Stored<Invoice>? Peek(string invoiceNumber)
    {
        if (Ambient.Value is not { } reads) return null;
        lock (reads._read) return reads._read.GetValueOrDefault(invoiceNumber);
    }

    /// <summary>The copy read of <paramref name="invoiceNumber"/> in the current flow, once; null when none was.</summary>
    public static Stored<Invoice>? Take(string invoiceNumber)
    {
        if (Ambient.Value is not { } reads) return null;
        lock (reads._read) return reads._read.Remove(invoiceNumber, out var stored) ? stored : null;
    }

    public void Dispose() => Ambient.Value = _outer;
}
