using Microsoft.Extensions.Options;

namespace Registrar.Mail;

/// <summary>
/// Outside Development, each link a notice carries must lead to the registrar's own pages: the shipped defaults name hosts
/// that RFC 2606 reserves for documentation (".example"), so a deployment that left one unset would mail every customer a
/// set-password (UA-2.1.2) or confirmation (KZ-5.3, UA-4.7) link that leads nowhere.
/// </summary>
/// <param name="development">The host runs in Development, where the placeholders stand.</param>
public sealed class NoticeLinkValidation(bool development) : IValidateOptions<NoticeOptions>
{
    public ValidateOptionsResult Validate(string? name, NoticeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (development) return ValidateOptionsResult.Skip;
        (string Setting, string Url)[] links =
            [(nameof(NoticeOptions.SetPasswordUrl), options.SetPasswordUrl), (nameof(NoticeOptions.RequestConfirmationUrl), options.RequestConfirmationUrl)];
        var failures = links
            .Where(link => Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) && ReservedHosts.IsReserved(uri.IdnHost))
            .Select(link => $"{NoticeOptions.Section}:{link.Setting} is '{link.Url}', whose host is reserved for documentation (RFC 2606): " +
                "set the address of the registrar's own page.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
