using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Sessions;

/// <summary>A successful answer: the command's typed result and the transaction it belongs to.</summary>
public sealed record EppReply<T>(
    T Value, EppResultCode Code, string Message, string ClientTransactionId, string ServerTransactionId, EppMessageQueue? MessageQueue)
{
    public bool IsPending => Code == EppResultCode.SuccessPending;
}

/// <summary>Sends commands to one registry.</summary>
public interface IEppClient
{
    string RegistryId { get; }
    EppRegistryProfile Profile { get; }

    /// <summary>Sends <paramref name="command"/> under a new clTRID.</summary>
    Task<EppReply<T>> ExecuteAsync<T>(EppCommand<T> command, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="command"/> under the caller's clTRID (e.g. derived from an order id,
    /// so the registry's logs tie back to the caller's record).</summary>
    Task<EppReply<T>> ExecuteAsync<T>(EppCommand<T> command, string clTrid, CancellationToken cancellationToken = default);
}

/// <summary>The pool-backed client. Failures are typed: <see cref="EppCommandFailedException"/> (the
/// registry refused), <see cref="EppSessionEndedException"/> (the registry ended the session instead of carrying the command
/// out), <see cref="EppOutcomeUnknownException"/> (a state-changing command was sent and
/// the connection dropped), <see cref="EppProtocolException"/>, <see cref="EppConnectionException"/>
/// (nothing could be sent), <see cref="EppCommandValidationException"/> (nothing was sent).</summary>
public sealed class EppClient(
    string registryId,
    EppRegistryProfile profile,
    EppSessionPool pool,
    ClTridGenerator clTrids,
    int readRetries,
    ILogger<EppClient> logger) : IEppClient, IAsyncDisposable
{
    public string RegistryId { get; } = registryId;
    public EppRegistryProfile Profile { get; } = profile;
    public EppSessionPool Pool { get; } = pool;

    public Task<EppReply<T>> ExecuteAsync<T>(EppCommand<T> command, CancellationToken cancellationToken = default) =>
        ExecuteAsync(command, clTrids.Next(), cancellationToken);

    public async Task<EppReply<T>> ExecuteAsync<T>(EppCommand<T> command, string clTrid, CancellationToken cancellationToken = default)
    {
        // The span's name is only built when someone listens.
        using var activity = EppTelemetry.Source.HasListeners() ? EppTelemetry.Source.StartActivity($"EPP {command.Name}", ActivityKind.Client) : null;
        activity?.SetTag("epp.registry", RegistryId);
        activity?.SetTag("epp.cltrid", clTrid);
        // Built before any session is taken: a command that cannot be sent fails without touching the registry.
        using var frame = OutgoingFrame.Command(command, Profile, clTrid);
        var response = await SendWithRetriesAsync(command, frame, clTrid, cancellationToken);
        activity?.SetTag("epp.result_code", (int)response.Code);
        if (!response.IsSuccess)
        {
            activity?.SetStatus(ActivityStatusCode.Error, response.Code.ToString());
            if (response.Code.ClosesSession())
                throw new EppSessionEndedException(command.Name, response.Result, clTrid, response.ServerTransactionId);
            throw new EppCommandFailedException(command.Name, response.Result, clTrid, response.ServerTransactionId);
        }
        return new EppReply<T>(command.ParseResult(response, Profile), response.Code, response.Result.Message,
            clTrid, response.ServerTransactionId, response.MessageQueue);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<EppResponse> SendWithRetriesAsync(IEppCommand command, OutgoingFrame frame, string clTrid, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var lease = await Pool.AcquireAsync(command.IsIdempotent && attempt < readRetries, cancellationToken);
            try
            {
                return await lease.Session.SendAsync(command, frame, clTrid, cancellationToken);
            }
            catch (EppConnectionException e) when (command.IsIdempotent && attempt < readRetries)
            {
                logger.LogWarning("{Command} {ClTrid} lost its connection ({Reason}); re-sending on a new session (a read is safe to repeat)",
                    command.Name, clTrid, e.Message);
            }
            catch (Exception e) when (!command.IsIdempotent && IsMidCommandLoss(e, lease.Session))
            {
                logger.LogError("{Command} {ClTrid} lost its connection before the answer; its outcome is unknown and must be reconciled",
                    command.Name, clTrid);
                throw new EppOutcomeUnknownException(command.Name, clTrid, e);
            }
        }
    }

    /// <summary>The frame may have reached the registry: the connection failed, or the caller cancelled
    /// while it was being sent or answered (which leaves the session broken).</summary>
    private static bool IsMidCommandLoss(Exception e, EppSession session) =>
        e is EppConnectionException || (e is OperationCanceledException && session.IsBroken);

    public ValueTask DisposeAsync() => Pool.DisposeAsync();
}
