using System.Xml.Linq;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;

namespace Registrar.Registry;

/// <summary>RFC 5731 and RFC 5733 section 3.3: a poll message whose data is a domain's or a contact's panData reports the
/// result of a command the registry answered 1001. Its paTRID quotes that command's clTRID, which is our command id; a
/// clTRID that is not one (another client's, or none) makes it an ordinary message, and nothing longer than our ids is kept.</summary>
public static class PendingActionResults
{
    public static PendingActionResult? Of(PollMessage message)
    {
        if (message.Data is not { Name.LocalName: "panData" } data) return null;
        var result = data.Elements().Select(e => e.Attribute("paResult")).FirstOrDefault(a => a is not null)?.Value.Trim();
        var clientTransaction = data.Elements().FirstOrDefault(e => e.Name.LocalName == "paTRID")?
            .Elements().FirstOrDefault(e => e.Name.LocalName == "clTRID")?.Value.Trim();
        // XML Schema boolean: "1" or "true", "0" or "false".
        bool? succeeded = result switch { "1" or "true" => true, "0" or "false" => false, _ => null };
        return succeeded is { } ok && clientTransaction is not null && RegistrationIds.TryRegistrationOfCommand(clientTransaction, out _)
            ? new PendingActionResult(clientTransaction, ok)
            : null;
    }

    /// <summary>The registration whose command the result names, when the clTRID is one of ours.</summary>
    public static string? RegistrationOf(PendingActionResult result) =>
        RegistrationIds.TryRegistrationOfCommand(result.CommandId, out var registrationId) ? registrationId : null;
}
