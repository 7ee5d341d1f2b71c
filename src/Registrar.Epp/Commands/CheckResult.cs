namespace Registrar.Epp.Commands;

/// <summary>One name (domain, host) or id (contact) of a check answer.</summary>
public sealed record CheckItem(string Name, bool Available, string? Reason);

/// <summary>A check answer, read by <see cref="CheckDataReader"/>.</summary>
public sealed record CheckResult(IReadOnlyList<CheckItem> Items)
{
    /// <summary>The answer about <paramref name="name"/>, however the registry spelled it: in another case, or as the
    /// A-label of a U-label asked (<see cref="CheckedNames"/>). RFC 5731-5733 section 3.1.1 answers every name asked, so
    /// one missing is the registry's fault, told by <see cref="CheckAnswerLacksNameException"/>.</summary>
    public CheckItem this[string name] =>
        Items.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? Items.FirstOrDefault(i => CheckedNames.Same(i.Name, name))
        ?? throw new CheckAnswerLacksNameException(name, Items.Select(i => i.Name).ToList());
}

/// <summary>The registry's check answer says nothing about a name that was asked (RFC 5731-5733 section 3.1.1 has a
/// &lt;cd&gt; for every name or id in the command): its availability is unknown.</summary>
public sealed class CheckAnswerLacksNameException(string name, IReadOnlyList<string> answered) : Exception(
    $"The check answer does not mention '{name}'; it answers {(answered.Count == 0 ? "no name" : string.Join(", ", answered))}.")
{
    public string Name { get; } = name;
}
