using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Commands;

/// <summary>RFC 5732 and RFC 5733 section 3.1.1: a check answers each object on its own, as domain:check does, so a name or id
/// that is not valid is avail="0" with the reason, as sent, rather than failing the ones beside it.</summary>
public static class CheckAnswers
{
    /// <param name="element">What the object's check data names it by: "name" for a host, "id" for a contact.</param>
    /// <param name="parse">The object's name or id in its stored form; throws <see cref="EppCommandException"/> when not valid.</param>
    public static XElement Of(CommandContext context, string element, string asked, Func<string, string> parse, Func<string, bool> exists,
        string invalidReason)
    {
        string name;
        try
        {
            name = parse(asked);
        }
        catch (EppCommandException)
        {
            return Answer(context, element, asked.Trim(), invalidReason);
        }
        return Answer(context, element, name, exists(name) ? "In use" : null);
    }

    private static XElement Answer(CommandContext context, string element, string name, string? unavailableBecause) =>
        context.Res("cd",
            context.Res(element, new XAttribute("avail", unavailableBecause is null ? "1" : "0"), name),
            unavailableBecause is null ? null : context.Res("reason", unavailableBecause));
}
