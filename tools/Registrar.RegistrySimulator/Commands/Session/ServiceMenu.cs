using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Commands.Session;

/// <summary>The services this registry offers (RFC 5730 section 2.4 svcMenu): every namespace the simulator serves, less
/// those withheld on the command line (--withhold-service), so that it stands in for a registry that offers fewer. The
/// greeting announces these, and a login or command asking for any other is refused (section 2.9.1.1: 2307 or 2103).</summary>
public sealed class ServiceMenu
{
    public ServiceMenu(SimulatorOptions options)
    {
        var unknown = options.WithheldServices.Where(uri => !CommandDispatcher.ObjectUris.Concat(CommandDispatcher.ExtensionUris)
            .Any(served => served.NamespaceName == uri)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"--withhold-service {string.Join(", ", unknown)}: not a namespace the simulator serves.");
        ObjectUris = CommandDispatcher.ObjectUris.Where(uri => !options.WithheldServices.Contains(uri.NamespaceName)).ToList();
        ExtensionUris = CommandDispatcher.ExtensionUris.Where(uri => !options.WithheldServices.Contains(uri.NamespaceName)).ToList();
    }

    public IReadOnlyList<XNamespace> ObjectUris { get; }
    public IReadOnlyList<XNamespace> ExtensionUris { get; }
}
