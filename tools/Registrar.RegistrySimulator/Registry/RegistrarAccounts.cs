namespace Registrar.RegistrySimulator.Registry;

/// <summary>The registrars allowed to log in, their passwords and whether their account can pay.</summary>
public sealed class RegistrarAccounts(IReadOnlyDictionary<string, string> initialPasswords)
{
    private readonly Dictionary<string, string> _passwords = new(initialPasswords, StringComparer.Ordinal);
    private readonly HashSet<string> _billingBlocked = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public bool Exists(string clientId)
    {
        lock (_sync) return _passwords.ContainsKey(clientId);
    }

    public bool Verify(string clientId, string password)
    {
        lock (_sync) return _passwords.TryGetValue(clientId, out var expected) && expected == password;
    }

    public void ChangePassword(string clientId, string newPassword)
    {
        lock (_sync) _passwords[clientId] = newPassword;
    }

    public bool IsBillingBlocked(string clientId)
    {
        lock (_sync) return _billingBlocked.Contains(clientId);
    }

    public void SetBillingBlocked(string clientId, bool blocked)
    {
        lock (_sync)
        {
            if (blocked) _billingBlocked.Add(clientId);
            else _billingBlocked.Remove(clientId);
        }
    }

    public void Reset()
    {
        lock (_sync)
        {
            _passwords.Clear();
            foreach (var (id, password) in initialPasswords) _passwords[id] = password;
            _billingBlocked.Clear();
        }
    }
}
