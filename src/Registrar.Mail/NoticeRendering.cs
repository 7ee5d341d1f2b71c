using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace Registrar.Mail;

/// <summary>
/// Renders a template body twice: as plain text, values as they are; and as HTML, every value escaped by
/// Fluid's HTML encoder (a domain or name the customer typed is text, never markup). Each mode has its own
/// <c>link</c> filter: the URL itself in plain text, an anchor in HTML. A variable no notice provides is an
/// error, not an empty string, so a misspelt name in a template fails its test instead of a customer's mail.
/// </summary>
internal sealed class NoticeRendering
{
    // Every script passes as it is (Cyrillic stays readable); only what HTML gives a meaning to is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly TemplateOptions _plain = Options(link => link);
    private readonly TemplateOptions _html = Options(link => $"<a href=\"{Encoder.Encode(link)}\">{Encoder.Encode(link)}</a>");

    public string Plain(IFluidTemplate template, NoticeValues values) => template.Render(Context(_plain, values), NullEncoder.Default);

    public string Html(IFluidTemplate template, NoticeValues values) => template.Render(Context(_html, values), Encoder);

    public static string Escape(string text) => Encoder.Encode(text);

    private static TemplateContext Context(TemplateOptions options, NoticeValues values)
    {
        var context = new TemplateContext(options);
        // Nil, not an empty string: in Liquid an empty string is true, and {% if pay_by %} must skip a missing deadline.
        foreach (var (name, value) in values.Variables) context.SetValue(name, value is null ? NilValue.Instance : new StringValue(value));
        return context;
    }

    private static TemplateOptions Options(Func<string, string> link)
    {
        var options = new TemplateOptions
        {
            StrictFilters = true,
            Undefined = name => throw new InvalidOperationException($"A notice template uses '{name}', which no notice provides."),
        };
        // Written as is (encode: false): the HTML anchor escapes the URL itself.
        options.Filters.AddFilter("link", (input, _, _) => new ValueTask<FluidValue>(new StringValue(link(input.ToStringValue()), encode: false)));
        return options;
    }
}
