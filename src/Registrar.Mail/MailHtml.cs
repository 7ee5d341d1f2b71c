namespace Registrar.Mail;

/// <summary>The HTML part of a notice: the rendered body's paragraphs (separated by blank lines) as
/// <c>&lt;p&gt;</c>, its line breaks as <c>&lt;br&gt;</c>. The body arrives already escaped.</summary>
internal static class MailHtml
{
    public static string Document(string language, string subject, string escapedBody)
    {
        var paragraphs = escapedBody.ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => $"<p>{string.Join("<br>\n", paragraph.Split('\n', StringSplitOptions.TrimEntries))}</p>");
        return $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><title>{NoticeRendering.Escape(subject)}</title></head>
            <body>
            {string.Join("\n", paragraphs)}
            </body>
            </html>
            """;
    }
}
