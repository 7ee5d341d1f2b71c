namespace Registrar.Epp.Sessions;

/// <summary>The password and the new one (RFC 5730 section 2.9.1.1 &lt;pw&gt; and &lt;newPW&gt;) one login sends.
/// Neither is ever part of <see cref="ToString"/>.</summary>
internal sealed record EppLoginPasswords(string Password, string? NewPassword)
{
    public override string ToString() => NewPassword is null ? "password" : "password and new password";
}

/// <summary>RFC 5730 section 2.9.1.1: a login carrying &lt;newPW&gt; changes the password for every later login. The
/// first such login of a registry's sessions makes the change; the sessions opened after it, in this process or after
/// a restart with the same settings, log in with the new password, or the registry refuses them (2200).</summary>
internal sealed class EppPasswordChange(string password, string? newPassword)
{
    private readonly Lock _gate = new();
    private EppLoginPasswords _current = new(password, newPassword);

    public EppLoginPasswords ForNextLogin()
    {
        lock (_gate) return _current;
    }

    /// <summary>The login with <paramref name="used"/> succeeded: a new password it carried is the password from now on.</summary>
    public void LoggedIn(EppLoginPasswords used)
    {
        lock (_gate)
        {
            if (used.NewPassword is { } changed && _current == used) _current = new EppLoginPasswords(changed, null);
        }
    }

    /// <summary>The registry refused <paramref name="used"/> (2200). True when one more login is worth it: another
    /// session's login changed the password meanwhile, or the change still pending was already made (by an earlier
    /// process, or a login whose answer was lost), so the new password is tried once, as the password.</summary>
    public bool RefusedWith(EppLoginPasswords used)
    {
        lock (_gate)
        {
            if (_current.Password != used.Password) return true;
            if (_current.NewPassword is not { } pending) return false;
            _current = new EppLoginPasswords(pending, null);
            return true;
        }
    }
}
