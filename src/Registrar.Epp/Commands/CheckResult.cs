namespace Registrar.Epp.Commands;

/// <summary>One name (domain, host) or id (contact) of a check answer.</summary>
public sealed record CheckItem(string Name, bool Available, string? Reason);

/// <summary>A check answer, read by <see cref="CheckDataReader"/>.</summary>
public sealed record CheckResult(IReadOnlyList<CheckItem> Items)
{
    public CheckItem this[string name] =>
        Items.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"The check answer does not mention '{name}'.");
}
