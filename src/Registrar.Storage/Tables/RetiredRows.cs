namespace Registrar.Storage.Tables;

/// <summary>
/// Rows an earlier version wrote where nothing writes any more, read only while any are left: a read that finds nothing
/// still costs a transaction (issue 16). Once seen gone they are looked for again only after <see cref="Recheck"/> of
/// elapsed time, for a process of the earlier version still running beside this one during a deploy.
/// </summary>
/// <param name="anyLeft">One page of one key of the retired rows.</param>
public sealed class RetiredRows(Func<CancellationToken, Task<bool>> anyLeft, TimeProvider clock)
{
    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(10);

    private GoneSince? _gone;

    public async Task<bool> MayBeLeftAsync(CancellationToken ct)
    {
        // Elapsed time, not the calendar: the local host's operations clock moves the calendar by days at a time.
        if (_gone is { } gone && clock.GetElapsedTime(gone.Timestamp) < Recheck) return false;
        var looking = clock.GetTimestamp();
        if (await anyLeft(ct)) return true;
        _gone = new GoneSince(looking);
        return false;
    }

    /// <summary>A reference, so that threads never see half of it.</summary>
    private sealed record GoneSince(long Timestamp);
}
