namespace Registrar.Core.Registrations;

/// <summary>The figures a notice shows; which are set depends on its kind.</summary>
/// <param name="PayBy">The last instant a renewal can be paid (KZ-2.7, UA-1.10; UA-1.12 after expiry).</param>
/// <param name="DeletionAt">When an unpaid domain is deleted (KZ-2.8, UA-1.12); on a termination's confirmation, when the
/// contract ends and the domain is deleted (UA-6.1).</param>
/// <param name="RequestId">The customer request a confirmation link confirms (KZ-5.3, UA-4.7).</param>
/// <param name="RequestKind">What that request asks for ("early-deletion", …).</param>
/// <param name="NameServers">KZ-2.3: the name servers the domain now has; on a DNS change's confirmation, the ones asked for.</param>
/// <param name="ContactEmail">UA-4.7: the contact e-mail notices go to from now on; on its change's confirmation, the one asked for.</param>
/// <param name="Clause">The offer's clause a decision was taken under ("2.3.1.3"), as the customer reads it in the offer.</param>
/// <param name="Document">KZ-App-2, UA-2.2.3: the decision a dispute outcome was taken on.</param>
/// <param name="TransferCodeOf">KZ-App-9: the <see cref="SetTransferCode"/> command whose code the notice carries; the mail
/// derives the code from it, so the code itself is never stored.</param>
/// <param name="TransferRefusals">KZ-App-9, UA-3.5: why no transfer code was issued, each with its rule in <paramref name="Rules"/>.</param>
/// <param name="NewRegistrant">UA-1.5.8: on a registrant change's confirmation, the new registrant's name (its organisation, or
/// a person's full name), so the mail says to whom the domain passes. Null in notices stored before it was carried.</param>
/// <param name="Refusal">On <see cref="NoticeKind.RequestRefused"/>, why the request named by <paramref name="RequestId"/> and
/// <paramref name="RequestKind"/> is not carried out; with the contract's end in <paramref name="DeletionAt"/>, or the invoice an
/// earlier registrant change waits for in <paramref name="InvoiceNumber"/> and <paramref name="PayBy"/>.</param>
/// <param name="TakenHere">KZ-2.1: on <see cref="NoticeKind.NameTaken"/>, the registry shows this registrar as the name's sponsor
/// under another registration, perhaps the customer's own from an earlier order: the mail says so rather than name another
/// applicant, and that paying twice is not needed.</param>
/// <param name="InvoiceFollows">KZ-2.6, KZ-2.7: a warning sent while the renewal deadline waits for its calendar year: it carries
/// no invoice or pay-by date, and says they follow, never that the renewal can no longer be paid.</param>
/// <param name="Reason">UA-Pre-7: on <see cref="NoticeKind.TrademarkRejected"/>, why operations refused the trademark, as they wrote it.</param>
public sealed record NoticeFacts(
    DateTimeOffset? ExpiresAt = null,
    DateTimeOffset? PayBy = null,
    DateTimeOffset? DeletionAt = null,
    string? InvoiceNumber = null,
    Money.Money? Amount = null,
    string? RequestId = null,
    string? RequestKind = null,
    IReadOnlyList<string>? NameServers = null,
    string? ContactEmail = null,
    string? Clause = null,
    string? Document = null,
    string? TransferCodeOf = null,
    IReadOnlyList<Contracts.TransferRefusalReason>? TransferRefusals = null,
    IReadOnlyList<string>? Rules = null,
    string? NewRegistrant = null,
    RequestRefusalReason? Refusal = null,
    bool TakenHere = false,
    bool InvoiceFollows = false,
    string? Reason = null);
