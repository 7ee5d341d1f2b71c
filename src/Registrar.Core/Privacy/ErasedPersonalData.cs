using Registrar.Core.Customers;
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
        Address = new PostalAddress(registrant.Address.Country, Erased, Erased, Erased, Erased, Erased, registrant.Address.Office is null ? null : Erased),
        Email = Erased,
        Phone = Erased,
        Organization = registrant.Organization is null ? null : Erased,
        FullName = registrant.FullName is null ? null : Erased,
    };

    public static TechnicalContact Erase(TechnicalContact contact) =>
        contact.Person is { } person ? contact with { Person = Erase(person) } : contact;

    public static RegistrationState Erase(RegistrationState state) => state with
    {
        Order = state.Order is { } order ? Erase(order) : null,
        ContactEmailChange = state.ContactEmailChange is { } change ? change with { Email = Erased } : null,
        FailedCommands = [.. state.FailedCommands.Select(Erase)],
    };

    public static RegistrationEvent Erase(RegistrationEvent @event) => @event switch
    {
        RegistrationPaid paid => paid with { Order = Erase(paid.Order) },
        CustomerRequestMade made => made with { Request = Erase(made.Request) },
        CustomerRequestProved proved => proved with { Request = Erase(proved.Request) },
        RegistrationCommandFailed failed => failed with { Command = Erase(failed.Command) },
        NoticeResendRequested resend => resend with { Facts = Erase(resend.Facts) },
        _ => @event,
    };

    public static RegistrationCommand Erase(RegistrationCommand command) => command switch
    {
        CreateRegistryContact create => create with { Registrant = Erase(create.Registrant) },
        CreateDomain create => create with { TechnicalContact = Erase(create.TechnicalContact) },
        SendNotice notice => notice with { To = Erased, Facts = Erase(notice.Facts) },
        _ => command,
    };

    /// <summary>The new contact e-mail a notice of its change names (UA-4.7) is the person's too.</summary>
    public static NoticeFacts? Erase(NoticeFacts? facts) =>
        facts?.ContactEmail is null ? facts : facts with { ContactEmail = Erased };

    public static CustomerRequest Erase(CustomerRequest request) =>
        request is ContactEmailChangeRequest change ? change with { Email = Erased } : request;
}
