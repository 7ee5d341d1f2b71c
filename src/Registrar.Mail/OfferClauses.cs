using System.Text.RegularExpressions;

namespace Registrar.Mail;

/// <summary>
/// A rule id of the contract rules (KZ-…, UA-…) as the customer finds it in the offer they accepted: the ids are the team's, the
/// clauses the customer's. KZ-App-N is section N of the domain registration regulation annexed to the .kz contract, KZ-x.y the
/// contract's clause x.y, UA-x.y the .ua offer's clause x.y. An id of any other shape is shown as it is.
/// </summary>
public static partial class OfferClauses
{
    public static string Describe(string ruleId, string language)
    {
        var match = RuleId().Match(ruleId);
        if (!match.Success) return ruleId;
        var number = match.Groups["number"].Value;
        return (match.Groups["offer"].Value, language) switch
        {
            ("KZ-App-", "ru") => $"раздел {number} регламента регистрации доменов (приложения к договору)",
            ("KZ-App-", "kk") => $"шартқа қосымша домендерді тіркеу регламентінің {number} бөлімі",
            ("KZ-App-", "uk") => $"розділ {number} регламенту реєстрації доменів (додатка до договору)",
            ("KZ-App-", _) => $"section {number} of the domain registration regulation attached to the agreement",
            ("KZ-", "ru") => $"пункт {number} договора",
            ("KZ-", "kk") => $"шарттың {number} тармағы",
            ("KZ-", "uk") => $"пункт {number} договору",
            ("KZ-", _) => $"clause {number} of the agreement",
            (_, "ru") => $"пункт {number} оферты",
            (_, "kk") => $"офертаның {number} тармағы",
            (_, "uk") => $"пункт {number} оферти",
            _ => $"clause {number} of the offer",
        };
    }

    [GeneratedRegex(@"^(?<offer>KZ-App-|KZ-|UA-)(?<number>[0-9]+(\.[0-9]+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();
}
