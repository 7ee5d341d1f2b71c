using System.Xml.Linq;
using Registrar.Epp.Profiles;

namespace Registrar.Epp.Extensions;

/// <summary>An element placed in a command's &lt;extension&gt; (RFC 5730 section 2.7.3). Registry
/// specific extensions implement this without touching the core commands.</summary>
public interface IEppCommandExtension
{
    /// <summary>The extension's namespace for this profile; it must be one the profile announces at login.</summary>
    string NamespaceFor(EppRegistryProfile profile);

    XElement Build(EppRegistryProfile profile);
}
