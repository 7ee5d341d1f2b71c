using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Api.Http;
using Registrar.Functions.Http;

namespace Registrar.Functions.Tests;

/// <summary>RFC 9110 section 9.1: every trigger that answers GET answers HEAD; section 9.3.2: as its GET, without content.</summary>
public sealed class HeadRequestTests
{
    public static TheoryData<string> ResultKinds() => new(["json", "text", "problem"]);

    [Fact]
    public void Every_HTTP_trigger_that_answers_GET_answers_HEAD_RFC_9110_9_1()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var triggers = metadata.RootElement.EnumerateArray()
            .Select(function => (Name: function.GetProperty("name").GetString()!, Trigger: function.GetProperty("bindings").EnumerateArray()
                .Single(binding => binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))))
            .Where(function => function.Trigger.GetProperty("type").GetString() == "httpTrigger")
            .Select(function => (function.Name,
                Methods: function.Trigger.GetProperty("methods").EnumerateArray().Select(method => method.GetString()!.ToUpperInvariant()).ToList()))
            .Where(function => function.Methods.Contains("GET")).ToList();

        Assert.Contains(triggers, function => function.Name == "Health");
        Assert.All(triggers, function => Assert.True(function.Methods.Contains("HEAD"), $"{function.Name} answers GET but not HEAD"));
    }

    [Theory]
    [MemberData(nameof(ResultKinds))]
    public async Task A_HEAD_answers_as_GET_does_without_content_RFC_9110_9_3_2(string kind)
    {
        var get = await AnswerAsync(HttpMethods.Get, kind);
        var head = await AnswerAsync(HttpMethods.Head, kind);

        Assert.NotEmpty(get.Content);
        Assert.Empty(head.Content);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Fields, head.Fields);
    }

    [Fact]
    public async Task An_if_match_naming_tags_is_a_412_before_the_trigger_runs_as_in_the_local_host_RFC_9110_13_1_1()
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Method = HttpMethods.Post;
        http.Request.Headers.IfMatch = "\"stale\"";
        http.Response.Body = new MemoryStream();
        var ran = false;

        await new HttpHardeningMiddleware(NullLogger<HttpHardeningMiddleware>.Instance).Invoke(new HttpFunctionContext(http), _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.Equal((412, false), (http.Response.StatusCode, ran));
    }

    /// <summary>A request through the hardening middleware (as every trigger's is) whose trigger answers with a shared
    /// handler's result, executed after the middleware as the worker's HTTP integration does.</summary>
    private static async Task<(int StatusCode, Dictionary<string, string> Fields, byte[] Content)> AnswerAsync(string method, string kind)
    {
        var content = new MemoryStream();
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Method = method;
        http.Response.Body = content;
        var middleware = new HttpHardeningMiddleware(NullLogger<HttpHardeningMiddleware>.Instance);

        await middleware.Invoke(new HttpFunctionContext(http), _ => Task.CompletedTask);
        IResult result = kind switch
        {
            "json" => new PrivateResult(TypedResults.Ok(new { invoices = new[] { "KZ-2611-00001-3" } })),
            "text" => TypedResults.Text("Nothing is served here.", "text/plain"),
            _ => Problems.NotFound("Order 'O1'"),
        };
        await new HandlerResult(result).ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        var fields = http.Response.Headers.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return (http.Response.StatusCode, fields, content.ToArray());
    }
}
