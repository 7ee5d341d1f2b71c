namespace Registrar.Core.Requests;

/// <summary>A customer request as the registrar keeps it: what was asked, and once proved, which proof (UA-1.5.8).</summary>
/// <param name="ProvedBy">Who recorded the proof: the operations person for papers, else the customer.</param>
/// <param name="ProofReference">What operations checked (contract number, document), never the document itself.</param>
/// <param name="NoConsentNeeded">A contact e-mail change proved while no contract of the customer asked the registrar's consent
/// to it (UA-4.7 binds `.ua` contracts only; KZ-2.2, KZ-2.6): carried out once proved.</param>
/// <param name="TransferCodeSetBy">UA-1.5.8: for a transfer code request proved on papers, the registry command that set its code,
/// once set: operations derive the code from it to hand over (the code itself is never stored).</param>
public sealed record CustomerRequestRecord(
    string RequestId,
    string RegistrationId,
    string CustomerId,
    CustomerRequest Request,
    CustomerRequestStatus Status,
    DateTimeOffset MadeAt,
    RequestProof? Proof = null,
    DateTimeOffset? ProvedAt = null,
    string? ProvedBy = null,
    string? ProofReference = null,
    RequestConsent? Consent = null,
    bool NoConsentNeeded = false,
    string? TransferCodeSetBy = null)
{
    public CustomerRequestRecord Proved(RequestProof proof, DateTimeOffset at, string by, string? reference = null) =>
        this with { Status = CustomerRequestStatus.Proved, Proof = proof, ProvedAt = at, ProvedBy = by, ProofReference = reference };

    /// <summary>UA-4.7: the registrar's answer to a proved request that needs its consent.</summary>
    public CustomerRequestRecord Decided(RequestConsent consent) =>
        this with { Status = consent.Approved ? CustomerRequestStatus.Approved : CustomerRequestStatus.Refused, Consent = consent };

    /// <summary>UA-4.7: a contact e-mail change is carried out only with the registrar's consent, where a contract asks it.</summary>
    public bool NeedsConsent => Request is ContactEmailChangeRequest && !NoConsentNeeded;
}

/// <summary>UA-4.7: who at the registrar approved or refused a request, when, and why.</summary>
public sealed record RequestConsent(bool Approved, string By, DateTimeOffset At, string Reason);

public enum CustomerRequestStatus
{
    /// <summary>Waiting for the confirmation link to be followed or for operations to record a proof.</summary>
    AwaitingProof,

    /// <summary>Proved and handed to the registration's lifecycle, which carries it out.</summary>
    Proved,

    /// <summary>UA-4.7: proved, and the registrar consented to it.</summary>
    Approved,

    /// <summary>UA-4.7: proved, and the registrar refused it; nothing changed.</summary>
    Refused,
}

/// <summary>The records of customer requests; a change presents the ETag it read.</summary>
public interface ICustomerRequestStore
{
    Task<CustomerRequestRecord?> GetAsync(string requestId, CancellationToken ct);

    Task CreateAsync(CustomerRequestRecord request, CancellationToken ct);

    /// <summary>Marks the request proved if it is still awaiting proof; false when someone proved it first.</summary>
    Task<bool> TryProveAsync(CustomerRequestRecord proved, CancellationToken ct);

    /// <summary>UA-4.7: records the registrar's consent if the request is still proved and undecided; false when someone decided first.</summary>
    Task<bool> TryDecideAsync(CustomerRequestRecord decided, CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> requests still waiting for their proof, for operations' work queues (UA-1.5.8).</summary>
    IAsyncEnumerable<CustomerRequestRecord> ListAwaitingProofAsync(int max, CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> proved requests waiting for the registrar's consent (UA-4.7).</summary>
    IAsyncEnumerable<CustomerRequestRecord> ListAwaitingConsentAsync(int max, CancellationToken ct);

    /// <summary>UA-1.5.8: records which command set the code of a transfer code request proved on papers; again, changes nothing.</summary>
    Task KeepTransferCodeSetByAsync(string requestId, string setBy, CancellationToken ct);

    /// <summary>UA-Pre-6: rewrites every request about one registration with <paramref name="erase"/>; status, proof and consent stay.</summary>
    Task EraseForRegistrationAsync(string registrationId, Func<CustomerRequestRecord, CustomerRequestRecord> erase, CancellationToken ct);
}
