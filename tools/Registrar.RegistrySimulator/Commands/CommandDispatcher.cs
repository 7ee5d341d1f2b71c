using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Registrar.RegistrySimulator.Commands.Session;
using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Transport;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands;

/// <summary>Routes a command to its handler after the session checks every command shares, runs it
/// under the registry lock at the simulated now, and counts it.</summary>
public sealed class CommandDispatcher
{
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly RegistryStore _store;
    private readonly TimeProvider _clock;
    private readonly CommandStatistics _statistics;
    private readonly ILogger<CommandDispatcher> _logger;

    public CommandDispatcher(IEnumerable<ICommandHandler> handlers, RegistryStore store, TimeProvider clock, CommandStatistics statistics,
        ILogger<CommandDispatcher> logger)
    {
        _logger = logger;
        _handlers = handlers.ToDictionary(h => h.Name, StringComparer.Ordinal);
        _store = store;
        _clock = clock;
        _statistics = statistics;
    }

    /// <param name="serverTransactionId">The svTRID the response will carry.</param>
    public EppResponse Execute(ParsedCommand command, EppSession session, string serverTransactionId)
    {
        try
        {
            CheckSession(command, session);
            CommandExtensions.Require(command);
            if (!_handlers.TryGetValue(command.Name, out var handler))
                throw new EppCommandException(ResultCode.UnimplementedCommand, $"{command.Name} is not implemented by this registry.");

            var element = command.ObjectElement ?? command.Verb;
            lock (_store.Sync)
            {
                var now = _clock.GetUtcNow();
                _store.Sweep(now);
                _statistics.Count(command.Name);
                var transaction = new TransactionIds(command.ClientTransactionId, serverTransactionId);
                return handler.Handle(new CommandContext(session, command.Profile, element, command.Extension, _store, now, transaction));
            }
        }
        catch (EppCommandException e)
        {
            return EppResponse.Failure(e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect in the simulator must look like a registry-side failure, not a dropped session.
            _logger.LogError(e, "{Command} failed inside the simulator.", command.Name);
            return EppResponse.Failure(ResultCode.CommandFailed, $"the simulator could not execute {command.Name}: {e.Message}");
        }
    }

    private static void CheckSession(ParsedCommand command, EppSession session)
    {
        if (command.Name == "login") return;
        if (!session.IsLoggedIn)
            throw new EppCommandException(ResultCode.CommandUseError, "log in before sending other commands.");
        if (command.ObjectElement is { } element && !session.ObjectUris.Contains(element.Name.Namespace))
            throw new EppCommandException(ResultCode.UnimplementedObjectService, $"{element.Name.NamespaceName} was not requested at login.");
        foreach (var extension in command.Extension?.Elements() ?? [])
        {
            if (!session.ExtensionUris.Contains(extension.Name.Namespace))
                throw new EppCommandException(ResultCode.UnimplementedExtension, $"{extension.Name.NamespaceName} was not requested at login.");
        }
    }

    /// <summary>The object and extension namespaces this registry serves (greeting and login).</summary>
    public static IReadOnlyList<XNamespace> ObjectUris { get; } = EppProfile.All.SelectMany(p => p.ObjectNamespaces).ToList();

    public static IReadOnlyList<XNamespace> ExtensionUris { get; } =
    [
        EppNamespaces.SecDns, EppProfile.Ietf.Rgp, EppProfile.Hostmaster.Rgp, EppNamespaces.Uaepp,
        EppNamespaces.HostmasterPrefix + "secDNS-1.1",
    ];
}
