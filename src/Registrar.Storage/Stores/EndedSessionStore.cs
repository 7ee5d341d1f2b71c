using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>OWASP ASVS 4.0 V3.3.1: operations page sessions ended by signing out. A session lives in a signed cookie, valid until
/// its expiry wherever it was copied to; its id recorded here refuses it from then on, in every instance of the host.</summary>
public interface IEndedSessions
{
    /// <param name="expires">When the session's cookie stops being valid anyway: the row is of no use after it.</param>
    Task EndAsync(string sessionId, DateTimeOffset expires, CancellationToken ct);

    Task<bool> HasEndedAsync(string sessionId, CancellationToken ct);
}

/// <summary>One row per ended session id, read by a point read on each page request.</summary>
public sealed class EndedSessionStore(StorageClients clients) : IEndedSessions
{
    private readonly DocumentTable _table = new(clients.Table("endedsessions"));

    public async Task EndAsync(string sessionId, DateTimeOffset expires, CancellationToken ct)
    {
        try
        {
            await _table.InsertByIdAsync(sessionId, new EndedSession(sessionId, expires), null, ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Signed out twice (a second tab): it ended the first time.
        }
    }

    public async Task<bool> HasEndedAsync(string sessionId, CancellationToken ct) =>
        await _table.GetByIdAsync<EndedSession>(sessionId, ct) is not null;

    private sealed record EndedSession(string SessionId, DateTimeOffset Expires);
}
