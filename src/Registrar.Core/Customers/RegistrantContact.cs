namespace Registrar.Core.Customers;

/// <summary>KZ-2.3: the registrant's contact details, which the customer changes without the registrant changing: who holds
/// the domain (kind, name, organisation) stays; changing that is a registrant change (KZ-2.4).</summary>
/// <param name="Phone">EPP form (RFC 5733): "+CC.NUMBER", e.g. "+7.7172123456".</param>
public sealed record RegistrantContact(PostalAddress Address, string Email, string Phone);
