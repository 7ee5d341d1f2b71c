namespace Registrar.Epp.Sessions;

/// <summary>A registry's session cap shared by every process that logs in as this registrar. Each
/// process's pool caps its own sessions; when the app runs on several instances, the registry counts
/// all of them together and refuses logins past its cap (2502), so every session must first hold one
/// of the registry's slots here.</summary>
public interface IEppSessionSlots
{
    /// <summary>How long an idle session may keep its slot before giving it back, so that another
    /// process waiting for one gets it; null when no other process competes for the slots.</summary>
    TimeSpan? ReleaseIdleAfter { get; }

    /// <summary>Waits until one of the <paramref name="maxSessions"/> slots of <paramref name="registryId"/>
    /// is free and holds it until the returned slot is disposed.</summary>
    ValueTask<IEppSessionSlot> AcquireAsync(string registryId, int maxSessions, CancellationToken cancellationToken);
}

/// <summary>One held slot. Disposing releases it and never throws: a slot that cannot be released is
/// lost anyway once its holder stops keeping it.</summary>
public interface IEppSessionSlot : IAsyncDisposable
{
    /// <summary>False once the slot was lost (another process may have taken it over): the session in
    /// it must be closed, not used again.</summary>
    bool IsHeld { get; }
}

/// <summary>No sharing: every slot is granted at once. For one process (the local host, tests), where
/// the pool's own cap is the registry's cap.</summary>
public sealed class UnsharedEppSessionSlots : IEppSessionSlots
{
    public static UnsharedEppSessionSlots Instance { get; } = new();

    private UnsharedEppSessionSlots() { }

    public TimeSpan? ReleaseIdleAfter => null;

    public ValueTask<IEppSessionSlot> AcquireAsync(string registryId, int maxSessions, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IEppSessionSlot>(Always.Held);

    private sealed class Always : IEppSessionSlot
    {
        public static Always Held { get; } = new();

        public bool IsHeld => true;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
