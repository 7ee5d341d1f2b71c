namespace Registrar.Mail;

/// <summary>What a notice template can show, already formatted for the customer (dates in the zone's time,
/// amounts with their currency). A value a notice does not have is null, and <c>{% if name %}</c> skips it.</summary>
/// <param name="Domain">The domain as people write it (Unicode).</param>
/// <param name="SetPasswordLink">UA-2.1.2: on <c>Registered</c> only; templates show it through the <c>link</c> filter.</param>
/// <param name="ConfirmationLink">KZ-5.3, UA-4.7: on <c>RequestConfirmation</c> only, with <paramref name="LinkValidUntil"/> and <paramref name="Request"/>.</param>
/// <param name="Request">The kind of customer request a confirmation confirms ("early-deletion").</param>
/// <param name="NameServers">KZ-2.3: on <c>NameserversChanged</c>, the domain's name servers now, comma-separated; on a DNS
/// change's <c>RequestConfirmation</c>, the ones asked for.</param>
/// <param name="ContactEmail">UA-4.7: on <c>ContactEmailChanged</c>, the address notices go to from now on; on its change's
/// <c>RequestConfirmation</c>, the one asked for.</param>
/// <param name="Clause">On operations decisions, the offer's clause the decision was taken under ("2.3.1.4").</param>
/// <param name="Document">KZ-App-2, UA-2.2.3: on <c>Blocked</c> and <c>Unblocked</c>, the decision the block follows.</param>
/// <param name="TransferCode">KZ-App-9: on <c>TransferCode</c> only, the code just set at the registry.</param>
/// <param name="Refusals">KZ-App-9, UA-3.5: on <c>TransferCodeRefused</c>, the reasons' names, comma-separated, with their <paramref name="Rules"/>.</param>
/// <param name="NewRegistrant">UA-1.5.8: on a registrant change's <c>RequestConfirmation</c>, the new registrant's name.</param>
/// <param name="ExpiredAt">UA-1.10: the expiry, once it has passed when the mail is written: a reminder after it says the
/// registration ended and the priority to renew lasts until deletion, never that it "expires soon".</param>
/// <param name="RefusedBecause">On <c>RequestRefused</c>, the reason's name (<c>ContractEnds</c>, …), with <paramref name="Request"/>.</param>
/// <param name="InvoiceFollows">KZ-2.6: "yes" on a warning sent before the renewal invoice could be issued (its deadline
/// waits for a calendar year): the invoice and its pay-by date follow.</param>
/// <param name="TakenHere">KZ-2.1: on <c>NameTaken</c>, "yes" when this registrar holds the name under another registration.</param>
/// <param name="Reason">UA-Pre-7: on <c>TrademarkRejected</c>, why operations refused the trademark.</param>
public sealed record NoticeValues(
    string Domain,
    string? ExpiresAt = null,
    string? PayBy = null,
    string? DeletionAt = null,
    string? InvoiceNumber = null,
    string? Amount = null,
    string? SetPasswordLink = null,
    string? LinkValidUntil = null,
    string? ConfirmationLink = null,
    string? Request = null,
    string? NameServers = null,
    string? ContactEmail = null,
    string? Clause = null,
    string? Document = null,
    string? TransferCode = null,
    string? Refusals = null,
    string? Rules = null,
    string? NewRegistrant = null,
    string? ExpiredAt = null,
    string? RefusedBecause = null,
    string? TakenHere = null,
    string? InvoiceFollows = null,
    string? Reason = null)
{
    /// <summary>The names templates use, each with its value.</summary>
    public IEnumerable<(string Name, string? Value)> Variables =>
    [
        ("domain", Domain),
        ("expires_at", ExpiresAt),
        ("pay_by", PayBy),
        ("deletion_at", DeletionAt),
        ("invoice_number", InvoiceNumber),
        ("amount", Amount),
        ("set_password_link", SetPasswordLink),
        ("link_valid_until", LinkValidUntil),
        ("confirmation_link", ConfirmationLink),
        ("request", Request),
        ("name_servers", NameServers),
        ("contact_email", ContactEmail),
        ("clause", Clause),
        ("document", Document),
        ("transfer_code", TransferCode),
        ("refusals", Refusals),
        ("rules", Rules),
        ("new_registrant", NewRegistrant),
        ("expired_at", ExpiredAt),
        ("refused_because", RefusedBecause),
        ("taken_here", TakenHere),
        ("invoice_follows", InvoiceFollows),
        ("reason", Reason),
    ];
}
