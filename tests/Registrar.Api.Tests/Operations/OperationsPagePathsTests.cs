using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Registrar.Api.Operations.Page;

namespace Registrar.Api.Tests.Operations;

/// <summary>The operations page's links, forms and redirects follow the base path its host serves it under.</summary>
public sealed class OperationsPagePathsTests
{
    private static OperationsPagePaths Paths(string basePath) => new(Options.Create(new OperationsPageOptions { BasePath = basePath }));

    private static async Task<string> RenderAsync(IResult result)
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }

    [Theory]
    [InlineData("/ops/page")]
    [InlineData("/api/ops/page")]
    public async Task Every_link_and_form_of_the_page_starts_with_its_base_path(string basePath)
    {
        var paths = Paths(basePath);

        var signIn = await RenderAsync(paths.SignInForm(null));
        var error = await RenderAsync(paths.ErrorPage(StatusCodes.Status404NotFound, "No registration has that id."));

        Assert.Contains($"action=\"{basePath}/sign-in\"", signIn);
        Assert.Contains($"<header><a href=\"{basePath}\">", signIn);
        Assert.Contains($"<a href=\"{basePath}\">Back to the overview</a>", error);
        Assert.Equal($"{basePath}/registrations/O1-1", paths.Registration("O1-1"));
        Assert.Equal($"{basePath}/payments/held/halyk%3ATX%201", paths.HeldPayment("halyk:TX 1"));
        Assert.DoesNotContain("\"/ops/page", basePath == "/ops/page" ? "" : signIn + error);
    }

    [Theory]
    [InlineData("/ops/page")]
    [InlineData("/api/ops/page")]
    public async Task A_401_names_the_scheme_it_accepts_in_WWW_Authenticate_RFC_9110_11_6_1(string basePath)
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        await Paths(basePath).SignInRequired("Sign in first.").ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Equal($"Cookie realm=\"operations\", form-action=\"{basePath}/sign-in\", cookie-name=\"registrar-ops\"",
            context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Theory]
    [InlineData("/ops/page", true)]
    [InlineData("/api/ops/page", true)]
    [InlineData("/ops/page/", false)]
    [InlineData("ops/page", false)]
    [InlineData("/ops/page\"><script>", false)]
    public void A_base_path_is_a_plain_path_from_the_root(string basePath, bool valid)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var options = new OperationsPageOptions { BasePath = basePath };

        Assert.Equal(valid, System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
    }
}
