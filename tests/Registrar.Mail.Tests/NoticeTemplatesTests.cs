using Registrar.Core.Orders;
using Registrar.Core.Registrations;

namespace Registrar.Mail.Tests;

/// <summary>A missing or broken template is a startup failure, not a notice that cannot be sent.</summary>
public sealed class NoticeTemplatesTests
{
    [Fact]
    public void Every_notice_kind_has_a_template_in_every_language()
    {
        var shipped = ShippedFiles().Select(f => f.Name).ToHashSet();

        foreach (var kind in Enum.GetValues<NoticeKind>())
            foreach (var language in CustomerLanguages.All)
                Assert.Contains($"{language}/{kind}.liquid", shipped);
        Assert.Equal(Enum.GetValues<NoticeKind>().Length * CustomerLanguages.All.Count, shipped.Count);
        NoticeTemplates.LoadEmbedded();
    }

    [Fact]
    public void A_missing_template_stops_loading_and_is_named()
    {
        var files = ShippedFiles().Where(f => f.Name != "kk/Expired.liquid");

        var refused = Assert.Throws<NoticeTemplateException>(() => NoticeTemplates.Parse(files));

        Assert.Equal("kk/Expired.liquid: missing; every notice kind needs a template in every language.", Assert.Single(refused.Problems));
    }

    [Theory]
    [InlineData("Domain {{ domain }}\n\nText {% if amount %}unclosed", "en/Renewed.liquid, body:")]
    [InlineData("Domain {{ domain }}\nText without a blank line after the subject", "en/Renewed.liquid: the first line is the subject")]
    public void A_template_that_does_not_parse_stops_loading_and_is_named(string text, string problem)
    {
        var files = ShippedFiles().Select(f => f.Name == "en/Renewed.liquid" ? (f.Name, text) : f);

        var refused = Assert.Throws<NoticeTemplateException>(() => NoticeTemplates.Parse(files));

        Assert.StartsWith(problem, Assert.Single(refused.Problems));
    }

    [Theory]
    [InlineData("de/Renewed.liquid")]
    [InlineData("en/Renewal.liquid")]
    [InlineData("en/3.liquid")]
    public void A_template_for_no_kind_or_language_is_refused(string name)
    {
        var files = ShippedFiles().Append((name, "Subject\n\nBody"));

        var refused = Assert.Throws<NoticeTemplateException>(() => NoticeTemplates.Parse(files));

        Assert.StartsWith(name, Assert.Single(refused.Problems));
    }

    [Fact]
    public void A_misspelt_value_fails_the_render_instead_of_mailing_a_gap()
    {
        var files = ShippedFiles().Select(f => f.Name == "en/Renewed.liquid" ? (f.Name, "Renewed {{ domian }}\n\nText") : f);
        var templates = NoticeTemplates.Parse(files);

        var failure = Assert.ThrowsAny<Exception>(() => templates.Render(NoticeKind.Renewed, "en", new NoticeValues("example.kz")));

        Assert.Contains("domian", failure.ToString());
    }

    [Fact]
    public void One_set_of_parsed_templates_renders_on_many_threads_at_once()
    {
        var templates = NoticeTemplates.LoadEmbedded();
        var values = new NoticeValues("пример.kz", ExpiresAt: "2027-06-01 09:30 (UTC+5)", InvoiceNumber: "KZ-2705-00042-7", Amount: "12500.00 KZT");
        var expected = templates.Render(NoticeKind.RenewalInvoice, "kk", values);

        var rendered = new RenderedNotice[500];
        Parallel.For(0, rendered.Length, i => rendered[i] = templates.Render(NoticeKind.RenewalInvoice, "kk", values));

        Assert.All(rendered, notice => Assert.Equal(expected, notice));
    }

    private static IReadOnlyList<(string Name, string Text)> ShippedFiles()
    {
        var assembly = typeof(NoticeTemplates).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith("Templates/", StringComparison.Ordinal)).Select(n =>
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
            return (n["Templates/".Length..], reader.ReadToEnd());
        }).ToList();
    }
}
