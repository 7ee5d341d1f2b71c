namespace Registrar.Core.Names;

public enum NameRefusalReason
{
    Empty,
    InvalidCharacter,
    EmptyLabel,
    HyphenAtLabelEdge,
    ReservedHyphens,
    InvalidIdn,
    LabelTooLong,
    NameTooLong,
    UnknownZone,
    ZoneOnly,
    NotDirectlyUnderZone,
    OutsideZoneRepertoire,

    /// <summary>UA-2.1.1 / KZ-App-8: the registrar may refuse a name without giving a reason.</summary>
    RefusedByRegistrarPolicy,
}

/// <summary>Why a typed name cannot be used, with a message the person who typed it can act on.</summary>
public sealed record NameRefusal(NameRefusalReason Reason, string Input, string Message)
{
    public override string ToString() => Message;
}

public sealed class InvalidDomainNameException(NameRefusal refusal) : ArgumentException(refusal.Message)
{
    public NameRefusal Refusal { get; } = refusal;
}
