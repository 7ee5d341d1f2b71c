namespace Registrar.Core.Customers;

/// <summary>UA-1.14: the technical contact is the registrant, the registrar, or a named responsible person.</summary>
public sealed record TechnicalContact(TechnicalContactKind Kind, RegistrantData? Person = null)
{
    public static readonly TechnicalContact Registrant = new(TechnicalContactKind.Registrant, null);

    public static IReadOnlyDictionary<string, string[]> Check(TechnicalContact contact, string prefix) => contact.Kind switch
    {
        TechnicalContactKind.Person when contact.Person is null =>
            new Dictionary<string, string[]> { [$"{prefix}.person"] = ["Give the responsible person's contact data (UA-1.14)."] },
        TechnicalContactKind.Person => RegistrantDataRules.Check(contact.Person!, $"{prefix}.person"),
        _ when contact.Person is not null =>
            new Dictionary<string, string[]> { [$"{prefix}.person"] = ["Only a technical contact of kind 'Person' carries person data."] },
        _ => new Dictionary<string, string[]>(),
    };
}

public enum TechnicalContactKind
{
    Registrant,
    Registrar,
    Person,
}
