namespace Registrar.Orchestration.Lifecycle;

/// <summary>
/// The orchestration's custom status: what operations read of a registration in Azure. Durable keeps at most 16 KB of UTF-16
/// JSON (<see cref="MaxJsonLength"/> characters), and the isolated extension fails an orchestration whose status is larger, so
/// the status holds no state and <see cref="Of"/> clips every part: no state, however many commands it owes, can push it over.
/// A status written while it held the whole state (<c>state</c>, still on instances that have not run since) reads as this
/// one, that property left unread.
/// </summary>
/// <param name="Description">The state's name (the registration's phase).</param>
/// <param name="Problem">Why the loop is waiting on itself (a decision that keeps failing), if it is.</param>
/// <param name="Version">The orchestrator version the instance runs under (<see cref="LifecycleLoopOptions.OrchestrationVersion"/>);
/// empty for an instance started before orchestrations carried one, null in a status written before statuses named it.</param>
/// <param name="Owed">The first <see cref="MaxOwedShown"/> commands the host gave up on and tries again, by kind and id; null in a
/// status written before statuses named them.</param>
/// <param name="OwedCount">How many commands are owed in all; null as <paramref name="Owed"/> is.</param>
public sealed record LifecycleStatus(
    string Description, DateTimeOffset? WakeAt, bool Terminal, string? Problem, string? Version = null,
    IReadOnlyList<OwedCommand>? Owed = null, int? OwedCount = null)
{
    /// <summary>Durable's limit: 16 KB of UTF-16 text.</summary>
    public const int MaxJsonLength = 16 * 1024 / sizeof(char);

    public const int MaxOwedShown = 8;

    // Each kept character may be written as a six-character escape (\uXXXX: non-ASCII text in an exception's message), so
    // these lengths keep the whole status under MaxJsonLength even then.
    private const int MaxDescriptionLength = 64;
    private const int MaxProblemLength = 256;
    private const int MaxVersionLength = 16;
    private const int MaxKindLength = 32;
    private const int MaxCommandIdLength = 80;

    public static LifecycleStatus Of(
        string description, DateTimeOffset? wakeAt, bool terminal, string? problem, string? version, IReadOnlyCollection<OwedCommand> owed) =>
        new(Clip(description, MaxDescriptionLength)!, wakeAt, terminal, Clip(problem, MaxProblemLength), Clip(version, MaxVersionLength),
            [.. owed.Take(MaxOwedShown).Select(c => new OwedCommand(Clip(c.Kind, MaxKindLength)!, Clip(c.CommandId, MaxCommandIdLength)!))],
            owed.Count);

    private static string? Clip(string? text, int length)
    {
        if (text is null || text.Length <= length) return text;
        // A lone half of a surrogate pair is no text a JSON writer accepts.
        var cut = char.IsHighSurrogate(text[length - 2]) ? length - 2 : length - 1;
        return text[..cut] + "…";
    }
}

/// <summary>A command the lifecycle owes, as its status names it: no document, which may hold the registrant's data.</summary>
/// <param name="Kind">The command's type, as the operations page names commands.</param>
public sealed record OwedCommand(string Kind, string CommandId);
