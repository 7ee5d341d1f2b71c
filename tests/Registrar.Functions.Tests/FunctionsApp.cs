using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Api;

namespace Registrar.Functions.Tests;

/// <summary>The Functions app's services as its Program wires them (without the storage that only a run reaches), and a
/// trigger's answer run as the worker's HTTP integration runs it.</summary>
public static class FunctionsApp
{
    private static readonly string SigningKey = Convert.ToBase64String(new byte[32]);

    /// <param name="replace">Services a test puts in place of the app's own, after the app's wiring.</param>
    public static ServiceProvider Services(Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
                // As Azure sets them (infra/main.bicep): outside Development a placeholder link is refused.
                ["Notices:SetPasswordUrl"] = "https://panel.registrar.kz/set-password",
                ["Notices:RequestConfirmationUrl"] = "https://panel.registrar.kz/confirm-request",
                ["Notices:SetPasswordSigningKey"] = SigningKey,
                ["Notices:RequestConfirmationSigningKey"] = SigningKey,
                ["TransferCodes:SigningKey"] = SigningKey,
                ["OperationsPage:SessionSigningKey"] = SigningKey,
                ["Whois:RegistrarNames:kaznic"] = "KZ Test Registrar",
                ["Whois:RegistrarNames:hostmaster"] = "UA Test Registrar",
            }).Build();
        var services = new ServiceCollection().AddLogging().AddRegistrar(configuration).AddRegistrarFunctions(configuration);
        replace?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static DefaultHttpContext Request(IServiceProvider services) =>
        new() { RequestServices = services, Response = { Body = new MemoryStream() } };

    /// <summary>Writes what a trigger returned, as the worker's HTTP integration does after the invocation.</summary>
    public static Task AnswerAsync(HttpContext http, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

    public static string Body(HttpContext http)
    {
        http.Response.Body.Position = 0;
        return new StreamReader(http.Response.Body).ReadToEnd();
    }
}
