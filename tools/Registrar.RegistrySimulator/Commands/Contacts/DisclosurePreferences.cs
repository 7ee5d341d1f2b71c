using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Commands.Contacts;

/// <summary>RFC 5733 section 2.9: a client states exceptions to the data collection policy the greeting announces; one the
/// server cannot honour is refused with 2308 (data management policy violation, RFC 5730 section 3), not accepted and
/// forgotten. This registry's &lt;dcp&gt; gives &lt;access&gt;&lt;all/&gt;: it discloses every element, so flag="1" asks for what
/// it does already and flag="0", withholding, is what it cannot do.</summary>
public static class DisclosurePreferences
{
    public static void Check(CommandContext context, XElement? container)
    {
        if (container?.Element(context.Ns + "disclose") is { } disclose && ((string?)disclose.Attribute("flag"))?.Trim() is "0" or "false")
            throw new EppCommandException(ResultCode.DataManagementPolicy,
                "this registry discloses every contact element to all (greeting <dcp>: <access><all/>); it cannot withhold them.", disclose);
    }
}
