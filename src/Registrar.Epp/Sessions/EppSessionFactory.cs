using Microsoft.Extensions.Logging;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Sessions;

/// <summary>Opens logged-in sessions.</summary>
public interface IEppSessionFactory
{
    Task<EppSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>Connect → greeting → login, retried with exponential backoff while the registry is
/// unreachable or at its session limit; a refused login (wrong password) is not retried, but for one login with the new
/// password while a password change is under way (<see cref="EppPasswordChange"/>).</summary>
public sealed class EppSessionFactory(
    IEppConnector connector,
    EppRegistryOptions options,
    EppRegistryProfile profile,
    ClTridGenerator clTrids,
    TimeProvider time,
    ILoggerFactory loggers) : IEppSessionFactory
{
    private readonly ILogger _logger = loggers.CreateLogger<EppSessionFactory>();
    private readonly EppPasswordChange _passwords = new(options.Password, options.NewPassword);

    public async Task<EppSession> OpenAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var passwords = _passwords.ForNextLogin();
            try
            {
                return await OpenOnceAsync(passwords, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e) && attempt < options.MaxConnectAttempts)
            {
                var delay = Backoff(attempt);
                _logger.LogWarning("EPP session to {Registry} not opened (attempt {Attempt} of {Max}): {Reason}; retrying in {Delay}",
                    options.ToString(), attempt, options.MaxConnectAttempts, e.Message, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (EppCommandFailedException e) when (e.Code == EppResultCode.AuthenticationError
                                                      && attempt < options.MaxConnectAttempts && _passwords.RefusedWith(passwords))
            {
                _logger.LogWarning("EPP login to {Registry} refused while a password change is under way; logging in with the new password",
                    options.ToString());
            }
        }
    }

    private async Task<EppSession> OpenOnceAsync(EppLoginPasswords passwords, CancellationToken cancellationToken)
    {
        var connection = await connector.ConnectAsync(cancellationToken);
        // Each session reads its frames one at a time, with a parser of its own.
        var parser = new EppResponseParser(options.MaxFrameBytes);
        try
        {
            var greeting = parser.ParseGreeting(await connection.ReadFrameAsync(cancellationToken));
            var terms = GreetingNegotiation.Negotiate(profile, greeting, options.Language);
            WarnAboutExtensionsLeftOut(greeting, terms);
            var session = new EppSession(connection, greeting, terms, profile, parser, time, loggers.CreateLogger<EppSession>());
            var login = new LoginCommand(options.ClientId, passwords.Password, passwords.NewPassword, terms);
            var clTrid = clTrids.Next();
            var response = await session.SendAsync(login, clTrid, cancellationToken);
            if (!response.IsSuccess)
                throw new EppCommandFailedException(login.Name, response.Result, clTrid, response.ServerTransactionId);
            _passwords.LoggedIn(passwords);
            _logger.LogInformation("EPP session opened with {Server} as {ClientId}", greeting.ServerId, options.ClientId);
            return session;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Unreachable, dropped, or the registry's session limit: worth another try later.
    /// An authentication failure is not: repeating it could lock the account.</summary>
    private static bool IsTransient(Exception e) => e switch
    {
        EppConnectionException => true,
        EppCommandFailedException f => f.Code is EppResultCode.SessionLimitExceededServerClosingConnection
            or EppResultCode.CommandFailedServerClosingConnection or EppResultCode.CommandFailed,
        _ => false,
    };

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.ReconnectInitialDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, options.ReconnectMaxDelay.TotalMilliseconds);
        // Jitter keeps several workers that lost the registry together from reconnecting in lockstep.
        return TimeSpan.FromMilliseconds(capped * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }

    private void WarnAboutExtensionsLeftOut(EppGreeting greeting, EppLoginTerms terms)
    {
        var leftOut = profile.ExtensionUris.Except(terms.ExtensionUris).ToList();
        if (leftOut.Count > 0)
            _logger.LogWarning("The registry {Server} does not announce {Missing} of the '{Profile}' profile; logging in without them, " +
                               "and commands that need them are refused", greeting.ServerId, string.Join(", ", leftOut), profile.Name);
    }
}
