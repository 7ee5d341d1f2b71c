namespace Registrar.RegistrySimulator.Faults;

/// <summary>Faults the control API asks for. Rates are probabilities per command (1.0 = always);
/// Commands limits them to the listed command names (empty = every command, login included).</summary>
public sealed record FaultSettings
{
    public double DropBeforeExecuteRate { get; init; }
    public double DropAfterExecuteRate { get; init; }
    public int DelayMs { get; init; }
    public double FailRate { get; init; }
    public int FailCode { get; init; } = 2400;
    public IReadOnlyList<string> Commands { get; init; } = [];
    /// <summary>Seeds the random draws so a test run repeats exactly.</summary>
    public int Seed { get; init; } = 1;

    public string? Validate()
    {
        foreach (var (name, rate) in new[] { ("dropBeforeExecuteRate", DropBeforeExecuteRate), ("dropAfterExecuteRate", DropAfterExecuteRate), ("failRate", FailRate) })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate)) return $"{name} must be between 0 and 1; it was {rate}.";
        }
        if (DelayMs is < 0 or > 600_000) return $"delayMs must be between 0 and 600000; it was {DelayMs}.";
        if (FailCode is < 2000 or > 2502) return $"failCode must be an EPP error code (2000-2502); it was {FailCode}.";
        return null;
    }
}

public sealed record FaultDecision(bool DropBeforeExecute, bool DropAfterExecute, TimeSpan Delay, int? FailCode)
{
    public static readonly FaultDecision None = new(false, false, TimeSpan.Zero, null);
}

public sealed class FaultInjector
{
    private readonly Lock _sync = new();
    private FaultSettings _settings = new();
    private Random _random = new(1);

    public FaultSettings Settings
    {
        get { lock (_sync) return _settings; }
    }

    public void Configure(FaultSettings settings)
    {
        lock (_sync)
        {
            _settings = settings;
            _random = new Random(settings.Seed);
        }
    }

    public void Reset() => Configure(new FaultSettings());

    public FaultDecision Decide(string commandName)
    {
        lock (_sync)
        {
            var s = _settings;
            if (s.Commands is { Count: > 0 } only && !only.Contains(commandName, StringComparer.Ordinal)) return FaultDecision.None;
            var dropBefore = Draw(s.DropBeforeExecuteRate);
            var fail = !dropBefore && Draw(s.FailRate);
            var dropAfter = !dropBefore && !fail && Draw(s.DropAfterExecuteRate);
            return new FaultDecision(dropBefore, dropAfter, TimeSpan.FromMilliseconds(s.DelayMs), fail ? s.FailCode : null);
        }
    }

    private bool Draw(double rate) => rate > 0 && _random.NextDouble() < rate;
}
