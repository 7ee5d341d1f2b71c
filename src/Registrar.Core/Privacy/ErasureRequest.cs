namespace Registrar.Core.Privacy;

/// <summary>
/// UA-Pre-6: a registrant's written erasure request as operations recorded it. The contract ends from the date of the
/// registrar's reply, and each of the customer's registrations is scheduled for erasure then; what it raised and audited for
/// each is dated <paramref name="RecordedAt"/> and named after <paramref name="RequestId"/>, so a retry of the request, carrying
/// on from this record, finds them done.
/// </summary>
/// <param name="RepliedOn">The date the registrar's reply names.</param>
/// <param name="ContractEndsAt">The start of <paramref name="RepliedOn"/> where the registrar is.</param>
/// <param name="Reference">The request's and reply's numbers in the registrar's correspondence.</param>
/// <param name="RecordedBy">The person who recorded it.</param>
/// <param name="Client">The operations client it was recorded through.</param>
public sealed record ErasureRequest(
    string RequestId, string CustomerId, DateOnly RepliedOn, DateTimeOffset ContractEndsAt, string Reference, string RecordedBy, string Client,
    DateTimeOffset RecordedAt);
