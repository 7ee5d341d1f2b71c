using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>Markup the page itself wrote (a form, a rendered fragment), passed through unencoded.</summary>
public readonly record struct RawHtml(string Value);

/// <summary>
/// Server-rendered HTML built from interpolated strings whose literal parts are markup and whose holes are always
/// HTML-encoded (only <see cref="RawHtml"/> passes through), so no value can become markup by being forgotten.
/// </summary>
public sealed class HtmlPage
{
    private readonly StringBuilder _body = new();

    public HtmlPage Add([InterpolatedStringHandlerArgument("")] ref HtmlHandler html) => this;

    public RawHtml ToRaw() => new(_body.ToString());

    public StringBuilder Builder => _body;

    /// <summary>The whole document with the page's styles, headed by <paramref name="site"/>, a link to <paramref name="home"/>
    /// if there is one; the policy forbids scripts and foreign forms outright.</summary>
    public IResult Result(string title, string site, string? home, int status = StatusCodes.Status200OK)
    {
        var header = new HtmlPage();
        if (home is null) header.Add($"<span>{site}</span>");
        else header.Add($"<a href=\"{home}\">{site}</a>");
        var document = new HtmlPage();
        document.Add($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>{title} · {site}</title><style>{new RawHtml(Styles)}</style></head>
            <body><header>{header.ToRaw()}</header><main><h1>{title}</h1>{ToRaw()}</main></body></html>
            """);
        return new HtmlResult(document._body.ToString(), status);
    }

    private const string Styles = """
        body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222}header{background:#234;padding:.5em 1em}header a,header span{color:#fff;text-decoration:none;font-weight:bold}
        main{padding:1em 2em}table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
        th{background:#eee}form.inline{display:inline}.error{color:#a00;font-weight:bold}.muted{color:#777}textarea{width:30em;height:3em}
        """;

    private sealed class HtmlResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            // The pages show registrations, requests and who acted: no cache keeps them, no frame shows them, no script runs in them.
            headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return httpContext.Response.WriteAsync(html, Encoding.UTF8);
        }
    }
}

[InterpolatedStringHandler]
public readonly ref struct HtmlHandler
{
    private readonly StringBuilder _builder;

    public HtmlHandler(int literalLength, int formattedCount, HtmlPage page)
    {
        _ = (literalLength, formattedCount);
        _builder = page.Builder;
    }

    public void AppendLiteral(string value) => _builder.Append(value);

    public void AppendFormatted(RawHtml value) => _builder.Append(value.Value);

    public void AppendFormatted<T>(T value) =>
        _builder.Append(HtmlEncoder.Default.Encode(value switch
        {
            null => "",
            DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        }));
}
