using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Commands.Contacts;

/// <summary>RFC 5733 section 3.2.1 (and 3.2.5 for a chg): up to two postalInfo elements, "so that address information can
/// be provided in both internationalized and localized forms", each form told by its type; the int form's content MUST be
/// in the subset of UTF-8 that 7-bit US-ASCII can represent, the loc form's MAY be any UTF-8.</summary>
public static class PostalInfoForms
{
    public static void Check(CommandContext context, XElement container)
    {
        var forms = container.Elements(context.Ns + "postalInfo").ToList();
        // Two of one type is a structural fault the schema could state as an identity constraint (xs:unique on @type) but
        // does not: answered as the schema's own faults are, 2001 (improperly formed command element), not as a bad value.
        if (forms.GroupBy(f => (string?)f.Attribute("type")).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new EppCommandException(ResultCode.SyntaxError,
                $"two <postalInfo type=\"{repeated.Key}\">: a contact has at most one internationalized (int) and one localized (loc) form.",
                repeated.ElementAt(1));
        foreach (var form in forms.Where(f => (string?)f.Attribute("type") == "int"))
        {
            if (form.Descendants().FirstOrDefault(e => !e.HasElements && e.Value.Any(c => c > '\x7f')) is { } nonAscii)
                throw new EppCommandException(ResultCode.ValueSyntax,
                    $"<{nonAscii.Name.LocalName}> '{nonAscii.Value}' is not 7-bit ASCII, which the internationalized form (type=\"int\") must be; send it in a type=\"loc\" form.",
                    nonAscii);
        }
    }
}
