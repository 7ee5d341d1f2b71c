namespace Registrar.Api.Privacy;

/// <summary>POST /api/ops/erasure-requests: a registrant's written (paper) request to erase their personal data (UA-Pre-6).</summary>
/// <param name="CustomerId">The storefront account the request came from.</param>
/// <param name="RepliedOn">The date the registrar's reply names: the contract ends from that date.</param>
/// <param name="Reference">The request's and reply's registration numbers in the registrar's correspondence.</param>
/// <param name="RecordedBy">The person recording it.</param>
public sealed record RecordErasureRequest(string CustomerId, DateOnly RepliedOn, string Reference, string RecordedBy);

/// <param name="ContractEndsAt">The start of <paramref name="RepliedOn"/> where the registrar is.</param>
/// <param name="Registrations">The customer's registrations whose personal data are erased from then on; one still held at the
/// registry waits until its domain has ended there.</param>
/// <param name="DomainsEnding">Those of <paramref name="Registrations"/> still held whose offer makes the request end the contract
/// (UA-Pre-6): their lifecycle deletes the domain from <paramref name="ContractEndsAt"/>. Operations are told to end the others.</param>
/// <param name="CancelledInvoices">The customer's order invoices still open under such an offer, cancelled: a payment of one is
/// held for operations to return, and starts nothing.</param>
/// <param name="OrdersErased">For a customer with no registration, the orders that never became a contract whose data were
/// erased at once (with the account's contact e-mail); 0 otherwise, as those go with the registrations' erasure.</param>
public sealed record ErasureRequestView(
    string CustomerId, DateOnly RepliedOn, DateTimeOffset ContractEndsAt, string Reference, IReadOnlyList<string> Registrations,
    IReadOnlyList<string> DomainsEnding, IReadOnlyList<string> CancelledInvoices, int OrdersErased);
