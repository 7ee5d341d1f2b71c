namespace Registrar.Core.Requests;

/// <summary>A customer request as the registrar keeps it: what was asked, and once proved, which proof (UA-1.5.8).</summary>
/// <param name="ProvedBy">Who recorded the proof: the operations person for papers, else the customer.</param>
/// <param name="ProofReference">What operations checked (contract number, document), never the document itself.</param>
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
    string? ProofReference = null)
{
    public CustomerRequestRecord Proved(RequestProof proof, DateTimeOffset at, string by, string? reference = null) =>
        this with { Status = CustomerRequestStatus.Proved, Proof = proof, ProvedAt = at, ProvedBy = by, ProofReference = reference };
}

public enum CustomerRequestStatus
{
    /// <summary>Waiting for the confirmation link to be followed or for operations to record a proof.</summary>
    AwaitingProof,

    /// <summary>Proved and handed to the registration's lifecycle, which carries it out.</summary>
    Proved,
}

/// <summary>The records of customer requests; a change presents the ETag it read.</summary>
public interface ICustomerRequestStore
{
    Task<CustomerRequestRecord?> GetAsync(string requestId, CancellationToken ct);

    Task CreateAsync(CustomerRequestRecord request, CancellationToken ct);

    /// <summary>Marks the request proved if it is still awaiting proof; false when someone proved it first.</summary>
    Task<bool> TryProveAsync(CustomerRequestRecord proved, CancellationToken ct);
}
