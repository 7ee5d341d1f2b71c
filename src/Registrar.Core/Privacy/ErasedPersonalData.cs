using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Privacy;

/// <summary>
/// UA-Pre-6: what erasure replaces and what it keeps. The person's data (names, e-mails, phones, addresses) become
/// <see cref="Erased"/>; everything the accounts must keep stays as it was: ids, domain names, zones, terms, prices,
/// invoice numbers and amounts, instants and statuses. Invoices carry no personal data and are kept whole.
/// </summary>
public static class ErasedPersonalData
{
    /// <summary>What stands where a person's data were.</summary>
    public const string Erased = "erased";

    public static Order Erase(Order order) => order with
    {
        ContactEmail = Erased,
        Registrant = order.Registrant is { } registrant ? Erase(registrant) : null,
        TechnicalContact = Erase(order.TechnicalContact),
    };

    /// <summary>KZ-2.2: the account's contact e-mail, and the one it replaced.</summary>
    public static CustomerAccount Erase(CustomerAccount account) => account with
    {
        ContactEmail = Erased,
        PreviousContactEmail = account.PreviousContactEmail is null ? null : Erased,
    };

    public static RegistrationOrder Erase(RegistrationOrder order) => order with
    {
        ContactEmail = Erased,
        Registrant = order.Registrant is { } registrant ? Erase(registrant) : null,
        TechnicalContact = Erase(order.TechnicalContact),
    };

    /// <summary>The kind stays (a natural person's data need consent, UA-Pre-5) and so does the country (which zone rules applied).</summary>
    public static RegistrantData Erase(RegistrantData registrant) => registrant with
    {
        Address = Erase(registrant.Address),
        Email = Erased,
        Phone = Erased,
        Organization = registrant.Organization is null ? null : Erased,
        FullName = registrant.FullName is null ? null : Erased,
    };

    public static RegistrantContact Erase(RegistrantContact contact) => new(Erase(contact.Address), Erased, Erased);

    private static PostalAddress Erase(PostalAddress address) =>
        new(address.Country, Erased, Erased, Erased, Erased, Erased, address.Office is null ? null : Erased);

    public static TechnicalContact Erase(TechnicalContact contact) =>
        contact.Person is { } person ? contact with { Person = Erase(person) } : contact;

    public static RegistrationState Erase(RegistrationState state) => state with
    {
        Order = state.Order is { } order ? Erase(order) : null,
        ContactEmailChange = state.ContactEmailChange is { } change ? change with { Email = Erased } : null,
        RegistrantChange = state.RegistrantChange is { } registrantChange ? registrantChange with { Registrant = Erase(registrantChange.Registrant) } : null,
        RegistrantContactChange = state.RegistrantContactChange is { } contactChange ? contactChange with { Contact = Erase(contactChange.Contact) } : null,
        FailedCommands = [.. state.FailedCommands.Select(Erase)],
    };

    public static RegistrationEvent Erase(RegistrationEvent @event) => @event switch
    {
        RegistrationPaid paid => paid with { Order = Erase(paid.Order) },
        CustomerRequestMade made => made with { Request = Erase(made.Request) },
        CustomerRequestProved proved => proved with { Request = Erase(proved.Request) },
        RegistrationCommandFailed failed => failed with { Command = Erase(failed.Command) },
        NoticeResendRequested resend => resend with { Facts = Erase(resend.Facts) },
        OperationsDecided { Decision: DisputeDecision { Registrant: { } registrant } dispute } decided =>
            decided with { Decision = dispute with { Registrant = Erase(registrant) } },
        _ => @event,
    };

    public static RegistrationCommand Erase(RegistrationCommand command) => command switch
    {
        CreateRegistryContact create => create with { Registrant = Erase(create.Registrant) },
        CreateDomain create => create with { TechnicalContact = Erase(create.TechnicalContact) },
        SendNotice notice => notice with { To = Erased, Facts = Erase(notice.Facts) },
        ChangeRegistrant change => change with { Registrant = Erase(change.Registrant) },
        UpdateRegistrantContact update => update with { Contact = Erase(update.Contact), Registrant = update.Registrant is null ? null : Erase(update.Registrant) },
        RecordRegistrant record => record with { Registrant = Erase(record.Registrant) },
        _ => command,
    };

    /// <summary>The new contact e-mail a notice of its change names (UA-4.7), and the new registrant's name a registrant change's
    /// confirmation names (KZ-2.4), are people's data too.</summary>
    public static NoticeFacts? Erase(NoticeFacts? facts) =>
        facts is null ? null : facts with
        {
            ContactEmail = facts.ContactEmail is null ? null : Erased,
            NewRegistrant = facts.NewRegistrant is null ? null : Erased,
        };

    /// <summary>The address a contact e-mail change names, the new registrant a registrant change describes and the details a
    /// registrant contact change gives are people's data too.</summary>
    public static CustomerRequest Erase(CustomerRequest request) => request switch
    {
        ContactEmailChangeRequest change => change with { Email = Erased },
        RegistrantChangeRequest change => change with { Registrant = Erase(change.Registrant) },
        RegistrantContactChangeRequest change => change with { Contact = Erase(change.Contact) },
        _ => request,
    };

    /// <summary>What was asked, how it was proved and who consented stay; an identity document's reference is the person's.</summary>
    public static CustomerRequestRecord Erase(CustomerRequestRecord record) => record with
    {
        Request = Erase(record.Request),
        ProofReference = record.Proof == RequestProof.IdentityDocuments && record.ProofReference is not null ? Erased : record.ProofReference,
    };

    /// <summary>A claim's text is the registrant's own words and its answer may quote them; the dates, the deadline kept or
    /// missed (UA-5.1), the proof of payment's reference (UA-5.2) and who answered stay.</summary>
    public static Claim Erase(Claim claim) => claim with
    {
        Text = Erased,
        Answer = claim.Answer is { } answer ? answer with { Text = Erased } : null,
    };

    /// <summary>A held payment keeps its credit (reference, amount, currency, booking), why it was held, the invoices and who
    /// acted when (UA-3.2); its explanation may quote what the payer wrote and operations' reason may name the payer, so those
    /// lose what <paramref name="quoting"/> replaces.</summary>
    public static HeldPayment Erase(HeldPayment payment, Func<string, string> quoting) => payment with
    {
        Explanation = quoting(payment.Explanation),
        Resolution = payment.Resolution is { } resolution ? resolution with { Reason = quoting(resolution.Reason) } : null,
    };

    /// <summary>A review item keeps what it is about, why and who resolved it when; its explanation and resolution note lose
    /// what <paramref name="quoting"/> replaces.</summary>
    public static ReviewItem Erase(ReviewItem item, Func<string, string> quoting) => item with
    {
        Explanation = quoting(item.Explanation),
        ResolutionNote = item.ResolutionNote is { } note ? quoting(note) : null,
    };
}
