using System.Collections.Concurrent;

namespace Registrar.RegistrySimulator.Registry;

/// <summary>All registry data, in memory. Commands run one at a time under <see cref="Sync"/>, which
/// keeps every multi-object rule (links, transfers, RGP) consistent without finer locking.</summary>
public sealed class RegistryStore
{
    private readonly IReadOnlyDictionary<string, ZoneSettings> _initialZones;
    private readonly ConcurrentDictionary<string, ZoneSettings> _zones = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PollMessage> _poll = [];
    private long _lastRoid;
    private long _lastPollId;

    public RegistryStore(IReadOnlyDictionary<string, ZoneSettings> zones)
    {
        _initialZones = zones;
        foreach (var (zone, settings) in zones) _zones[zone] = settings;
        Lifecycle = new DomainLifecycle(this);
    }

    public Lock Sync { get; } = new();
    public Dictionary<string, Domain> Domains { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Contact> Contacts { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Host> Hosts { get; } = new(StringComparer.OrdinalIgnoreCase);
    public DomainLifecycle Lifecycle { get; }

    /// <summary>Zones the simulator has explicit settings for; any other zone uses the defaults.</summary>
    public IReadOnlyDictionary<string, ZoneSettings> Zones => _zones;

    public void SetZone(string zone, ZoneSettings settings) => _zones[zone.Trim('.').ToLowerInvariant()] = settings;

    /// <summary>The longest configured suffix of the name ("a.com.ua" → "com.ua"), else its TLD.</summary>
    public (string Zone, ZoneSettings Settings) ZoneOf(string domainName)
    {
        var labels = domainName.Split('.');
        for (var i = 1; i < labels.Length; i++)
        {
            var suffix = string.Join('.', labels[i..]);
            if (_zones.TryGetValue(suffix, out var settings)) return (suffix, settings);
        }
        return (labels[^1], new ZoneSettings());
    }

    public string NextRoid(char kind) => $"{kind}{Interlocked.Increment(ref _lastRoid)}-SIM";

    public bool IsContactLinked(string id) =>
        Domains.Values.Any(d => d.Registrant == id || d.Contacts.Any(c => c.Id == id));

    public IEnumerable<Domain> DomainsUsingHost(string hostName) =>
        Domains.Values.Where(d => d.NameServers.Contains(hostName, StringComparer.OrdinalIgnoreCase));

    /// <summary>The domain in this registry a host name is subordinate to (in-bailiwick), if any.</summary>
    public Domain? SuperordinateDomain(string hostName)
    {
        var dot = hostName.IndexOf('.');
        while (dot > 0)
        {
            if (Domains.TryGetValue(hostName[(dot + 1)..], out var domain)) return domain;
            dot = hostName.IndexOf('.', dot + 1);
        }
        return null;
    }

    public void Enqueue(string recipientId, DateTimeOffset at, string text, PollNotice? notice = null) =>
        _poll.Add(new PollMessage(++_lastPollId, recipientId, at, text, notice));

    public (PollMessage? First, int Count) PeekPoll(string recipientId)
    {
        var mine = _poll.Where(m => m.RecipientId == recipientId).ToList();
        return (mine.FirstOrDefault(), mine.Count);
    }

    public bool AckPoll(string recipientId, long id) => _poll.RemoveAll(m => m.Id == id && m.RecipientId == recipientId) > 0;

    /// <summary>Applies every time-driven change due by <paramref name="now"/> (expiry, RGP, transfers).</summary>
    public void Sweep(DateTimeOffset now)
    {
        foreach (var domain in Domains.Values.ToList()) Lifecycle.Advance(domain, now);
    }

    public void Reset()
    {
        Domains.Clear();
        Contacts.Clear();
        Hosts.Clear();
        _poll.Clear();
        _zones.Clear();
        foreach (var (zone, settings) in _initialZones) _zones[zone] = settings;
    }
}
