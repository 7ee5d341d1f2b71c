namespace Registrar.Core.Registry;

/// <summary>
/// RFC 5731 section 3.1.2: a domain:info carrying a transfer code shows a registrar that does not sponsor the domain whether the
/// code is the domain's (2202 when it is not) and the statuses its transfer request would meet (section 2.3), before anything is
/// invoiced for a transfer the registry would refuse (KZ-3.2, UA-1.5.3: the customer pays first).
/// </summary>
public interface IRegistryTransferPreview
{
    /// <param name="zone">The zone <paramref name="asciiName"/> belongs to.</param>
    /// <returns>Null when the registry holds no such domain.</returns>
    /// <exception cref="RegistryUnavailableException">The registry could not be asked.</exception>
    Task<TransferPreview?> PreviewAsync(string zone, string asciiName, string transferCode, CancellationToken cancellationToken);
}

/// <param name="CodeAccepted">False when the registry refused the code (EPP 2202): it is not the domain's.</param>
/// <param name="Statuses">The domain's statuses; empty when the code was refused.</param>
public sealed record TransferPreview(bool CodeAccepted, IReadOnlyList<string> Statuses)
{
    /// <summary>RFC 5731 section 2.3: a transfer request is refused while the registry or the sponsoring registrar forbids it, while
    /// one is pending, and while the domain is being deleted (RFC 3915: its redemption period is one such time).</summary>
    private static readonly string[] RefusingStatuses = ["serverTransferProhibited", "clientTransferProhibited", "pendingTransfer", "pendingDelete"];

    /// <summary>The first status that refuses a transfer request now, or null.</summary>
    public string? RefusingStatus => Statuses.FirstOrDefault(s => RefusingStatuses.Contains(s, StringComparer.OrdinalIgnoreCase));
}
