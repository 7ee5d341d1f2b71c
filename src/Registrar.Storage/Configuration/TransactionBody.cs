using Azure.Core;

namespace Registrar.Storage.Configuration;

/// <summary>
/// The body of an entity group transaction, written once per request. The policies that read it (metering names its
/// table, the emulator's rules check it) and the transport then share the same bytes: writing the multipart body in each
/// of them, and once more to count its length, took about a fifth of the host's CPU while timers fired (`bench -- storage`),
/// the one write left about a seventh.
/// </summary>
internal static class TransactionBody
{
    /// <summary>The transaction's bytes, or null for any other request.</summary>
    public static ReadOnlyMemory<byte>? Of(HttpMessage message)
    {
        if (!message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) || message.Request.Content is not { } content) return null;
        if (message.TryGetProperty(typeof(TransactionBody), out var kept) && kept is ReadOnlyMemory<byte> written) return written;
        using var body = new MemoryStream();
        content.WriteTo(body, message.CancellationToken);
        written = new ReadOnlyMemory<byte>(body.GetBuffer(), 0, (int)body.Length);
        message.Request.Content = RequestContent.Create(written);
        message.SetProperty(typeof(TransactionBody), written);
        return written;
    }
}
