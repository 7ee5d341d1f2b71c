using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Fluid;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;

namespace Registrar.Mail;

/// <summary>
/// The notice templates, one file per notice kind and language (<c>Templates/{language}/{kind}.liquid</c>),
/// each parsed once. Every <see cref="NoticeKind"/> has a template in every language of
/// <see cref="CustomerLanguages"/>, or nothing is built: a missing or broken template stops the host at
/// start instead of a notice at send time. Immutable once built, so any number of threads render from it.
/// </summary>
public sealed partial class NoticeTemplates
{
    private const string EmbeddedPrefix = "Templates/";
    private const string Extension = ".liquid";

    private readonly FrozenDictionary<(NoticeKind Kind, string Language), NoticeTemplate> _templates;
    private readonly NoticeRendering _rendering = new();

    private NoticeTemplates(FrozenDictionary<(NoticeKind, string), NoticeTemplate> templates) => _templates = templates;

    /// <summary>The templates shipped in Registrar.Mail.</summary>
    /// <exception cref="NoticeTemplateException">A template is missing, malformed or does not parse.</exception>
    public static NoticeTemplates LoadEmbedded() => Parse(ReadEmbeddedFiles());

    /// <summary>Builds the templates from files named <c>{language}/{kind}.liquid</c>: the first line is the
    /// subject, a blank line follows, the rest is the body (paragraphs separated by blank lines).</summary>
    /// <exception cref="NoticeTemplateException">A template is missing, malformed or does not parse; the message lists every problem.</exception>
    public static NoticeTemplates Parse(IEnumerable<(string Name, string Text)> files)
    {
        var parser = new FluidParser();
        var problems = new List<string>();
        var templates = new Dictionary<(NoticeKind, string), NoticeTemplate>();
        var given = new HashSet<(NoticeKind, string)>();
        foreach (var (name, text) in files)
        {
            if (!TryKey(name, out var key))
            {
                problems.Add($"{name}: not a template of a notice kind in a supported language ({{language}}/{{kind}}{Extension}).");
                continue;
            }
            given.Add(key);
            if (ParseOne(parser, name, text, problems) is { } template) templates[key] = template;
        }
        problems.AddRange(
            from kind in Enum.GetValues<NoticeKind>()
            from language in CustomerLanguages.All
            where !given.Contains((kind, language))
            select $"{language}/{kind}{Extension}: missing; every notice kind needs a template in every language.");
        if (problems.Count > 0) throw new NoticeTemplateException(problems);
        return new NoticeTemplates(templates.ToFrozenDictionary());
    }

    /// <summary>The mail for one notice: subject and plain text as they are, the HTML part with every value escaped.</summary>
    public RenderedNotice Render(NoticeKind kind, string language, NoticeValues values)
    {
        var template = _templates[(kind, language)];
        var subject = _rendering.Plain(template.Subject, values).Trim();
        var plain = BlankLines().Replace(_rendering.Plain(template.Body, values), "\n\n").Trim();
        var html = MailHtml.Document(language, subject, _rendering.Html(template.Body, values));
        return new RenderedNotice(subject, plain, html);
    }

    private static NoticeTemplate? ParseOne(FluidParser parser, string name, string text, List<string> problems)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n', 3);
        if (lines.Length < 3 || lines[0].Trim().Length == 0 || lines[1].Trim().Length != 0)
        {
            problems.Add($"{name}: the first line is the subject and the second is blank.");
            return null;
        }
        if (!parser.TryParse(lines[0], out var subject, out var subjectError))
            problems.Add($"{name}, subject: {subjectError}");
        if (!parser.TryParse(WithoutTagLines(lines[2]), out var body, out var bodyError))
            problems.Add($"{name}, body: {bodyError}");
        return subject is null || body is null ? null : new NoticeTemplate(subject, body);
    }

    /// <summary>A tag alone on its line (<c>{% if … %}</c>, <c>{% endif %}</c>) leaves no empty line behind, so
    /// templates read as the mail they make; tags inside a line of text keep their spaces.</summary>
    private static string WithoutTagLines(string body) => TagLine().Replace(body, "$1");

    [GeneratedRegex(@"^[ \t]*(\{%[^{}]*%\})[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex TagLine();

    // A paragraph whose every line was left out (no facts for it) leaves one paragraph break, not several.
    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    private static bool TryKey(string name, out (NoticeKind, string) key)
    {
        key = default;
        var parts = name.Replace('\\', '/').Split('/');
        if (parts.Length != 2 || !CustomerLanguages.IsSupported(parts[0]) || !parts[1].EndsWith(Extension, StringComparison.Ordinal)) return false;
        var kindName = parts[1][..^Extension.Length];
        // Names only: a number ("3.liquid") is no kind.
        if (!Enum.TryParse<NoticeKind>(kindName, out var kind) || kind.ToString() != kindName) return false;
        key = (kind, parts[0]);
        return true;
    }

    private static IEnumerable<(string Name, string Text)> ReadEmbeddedFiles()
    {
        var assembly = typeof(NoticeTemplates).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[EmbeddedPrefix.Length..], reader.ReadToEnd());
        }
    }

    private sealed record NoticeTemplate(IFluidTemplate Subject, IFluidTemplate Body);
}

/// <param name="Html">A whole HTML document; the values in it are escaped.</param>
public sealed record RenderedNotice(string Subject, string PlainText, string Html);

public sealed class NoticeTemplateException(IReadOnlyList<string> problems)
    : InvalidOperationException("The notice templates are incomplete or broken: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
