using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Sessions;

/// <summary>One logged-in EPP session: strictly one command at a time (RFC 5734: a client must wait
/// for the response before sending the next command on a connection).</summary>
public sealed class EppSession : IAsyncDisposable
{
    private readonly EppConnection _connection;
    private readonly EppResponseParser _parser;
    private readonly EppRegistryProfile _profile;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private bool _ended;

    internal EppSession(EppConnection connection, EppGreeting greeting, EppLoginTerms terms, EppRegistryProfile profile,
        EppResponseParser parser, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        Greeting = greeting;
        Terms = terms;
        _profile = profile;
        _parser = parser;
        _time = time;
        _logger = logger;
        LastActivity = time.GetUtcNow();
    }

    public EppGreeting Greeting { get; private set; }

    /// <summary>What the session logged in with; its commands may use no other service (RFC 5730 section 2.9.1.1).</summary>
    public EppLoginTerms Terms { get; }

    public DateTimeOffset LastActivity { get; private set; }

    /// <summary>The session can no longer carry commands and must be discarded.</summary>
    public bool IsBroken => _ended || _connection.IsBroken;

    public bool IsClosedByPeer => IsBroken || _connection.IsClosedByPeer;

    /// <summary>Sends a built frame and returns the response to <paramref name="clTrid"/>, successful or not.
    /// A connection failure here means the command may have reached the registry.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<EppResponse> SendAsync(IEppCommand command, OutgoingFrame frame, string clTrid, CancellationToken cancellationToken)
    {
        ThrowIfBroken(command.Name);
        if (command.Extensions.Count > 0) RequireNegotiatedExtensions(command);
        // Cancelled before the first byte: nothing was sent and the session stays usable.
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _connection.WriteFrameAsync(frame, cancellationToken);
            var response = _parser.ParseResponse(await _connection.ReadFrameAsync(cancellationToken), clTrid, command.ResultDataReader(_profile));
            LastActivity = _time.GetUtcNow();
            if (response.EndsSession) _ended = true;
            if (_logger.IsEnabled(LogLevel.Debug))
                _logger.LogDebug("{Command} {ClTrid} -> {Code} ({SvTrid})", command.Name, clTrid, (int)response.Code, response.ServerTransactionId);
            return response;
        }
        catch (EppProtocolException)
        {
            _ended = true;
            throw;
        }
    }

    public async Task<EppResponse> SendAsync(IEppCommand command, string clTrid, CancellationToken cancellationToken)
    {
        using var frame = OutgoingFrame.Command(command, _profile, clTrid);
        return await SendAsync(command, frame, clTrid, cancellationToken);
    }

    /// <summary>RFC 5730 &lt;hello&gt;: the keepalive; the server answers with a fresh greeting.</summary>
    public async Task HelloAsync(CancellationToken cancellationToken)
    {
        ThrowIfBroken("hello");
        try
        {
            using (var hello = OutgoingFrame.FromPayload(EppFrameWriter.Hello()))
                await _connection.WriteFrameAsync(hello, cancellationToken);
            Greeting = _parser.ParseGreeting(await _connection.ReadFrameAsync(cancellationToken));
            LastActivity = _time.GetUtcNow();
        }
        catch (EppProtocolException)
        {
            _ended = true;
            throw;
        }
    }

    /// <summary>Logs out politely; failures are only logged, the connection is closed either way.</summary>
    public async Task LogoutAsync(string clTrid, CancellationToken cancellationToken)
    {
        if (IsBroken) return;
        try
        {
            await SendAsync(new LogoutCommand(), clTrid, cancellationToken);
        }
        catch (Exception e) when (e is EppConnectionException or EppProtocolException or OperationCanceledException)
        {
            _logger.LogDebug(e, "Logout {ClTrid} did not complete; closing the connection anyway", clTrid);
        }
        _ended = true;
    }

    public ValueTask DisposeAsync()
    {
        _ended = true;
        return _connection.DisposeAsync();
    }

    private void RequireNegotiatedExtensions(IEppCommand command)
    {
        foreach (var extension in command.Extensions)
        {
            var ns = extension.NamespaceFor(_profile);
            if (!Terms.Includes(ns)) throw new EppExtensionNotNegotiatedException(command.Name, ns, Greeting.ServerId);
        }
    }

    private void ThrowIfBroken(string commandName)
    {
        if (IsBroken) throw new EppConnectionException($"The session has ended; {commandName} was not sent.");
    }
}
