using System.Diagnostics.CodeAnalysis;

namespace Registrar.Core.Names;

/// <summary>Either a <see cref="DomainName"/> or the <see cref="NameRefusal"/> saying why not.</summary>
public sealed record NameParseResult
{
    private NameParseResult(DomainName? name, NameRefusal? refusal)
    {
        Name = name;
        Refusal = refusal;
    }

    public DomainName? Name { get; }

    public NameRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Name))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsValid => Name is not null;

    /// <exception cref="InvalidDomainNameException">The name was refused; the exception carries the refusal.</exception>
    public DomainName ValueOrThrow() => IsValid ? Name : throw new InvalidDomainNameException(Refusal);

    internal static NameParseResult Accepted(DomainName name) => new(name, null);

    internal static NameParseResult Refused(NameRefusalReason reason, string input, string message) =>
        new(null, new NameRefusal(reason, input, message));
}
