using System.Xml.Linq;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Transport;

/// <summary>The login state of one connection.</summary>
public sealed class EppSession
{
    private IDisposable? _lease;

    public string? ClientId { get; private set; }
    public bool IsLoggedIn => ClientId is not null;
    /// <summary>The profile poll messages are written in: Hostmaster's when the login asked for its objects.</summary>
    public EppProfile Profile { get; private set; } = EppProfile.Ietf;
    public IReadOnlySet<XNamespace> ObjectUris { get; private set; } = new HashSet<XNamespace>();
    public IReadOnlySet<XNamespace> ExtensionUris { get; private set; } = new HashSet<XNamespace>();

    public void LogIn(string clientId, IDisposable lease, IReadOnlySet<XNamespace> objectUris, IReadOnlySet<XNamespace> extensionUris)
    {
        ClientId = clientId;
        _lease = lease;
        ObjectUris = objectUris;
        ExtensionUris = extensionUris;
        Profile = objectUris.Contains(EppProfile.Hostmaster.Domain) && !objectUris.Contains(EppProfile.Ietf.Domain)
            ? EppProfile.Hostmaster
            : EppProfile.Ietf;
    }

    public void LogOut()
    {
        _lease?.Dispose();
        _lease = null;
        ClientId = null;
    }
}

/// <summary>Counts logged-in sessions per registrar to enforce the registry's session cap.</summary>
public sealed class SessionRegistry
{
    private readonly Dictionary<string, int> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public int Total
    {
        get { lock (_sync) return _sessions.Values.Sum(); }
    }

    public IDisposable? TryAcquire(string clientId, int cap)
    {
        lock (_sync)
        {
            var open = _sessions.GetValueOrDefault(clientId);
            if (open >= cap) return null;
            _sessions[clientId] = open + 1;
            return new Lease(this, clientId);
        }
    }

    private void Release(string clientId)
    {
        lock (_sync) _sessions[clientId]--;
    }

    private sealed class Lease(SessionRegistry owner, string clientId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(clientId);
        }
    }
}
