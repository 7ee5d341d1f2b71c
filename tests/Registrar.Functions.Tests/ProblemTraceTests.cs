using System.Diagnostics;
using System.Text.Json;
using Registrar.Api.Http;
using Registrar.Functions.Http;

namespace Registrar.Functions.Tests;

/// <summary>A problem names the trace of the request that met it (its <c>traceId</c> extension, RFC 9457 section 3.2), as the
/// local host's do, so operations go from a caller's failed answer to its spans and logs.</summary>
public sealed class ProblemTraceTests
{
    [Fact]
    public async Task A_problem_a_trigger_answers_names_the_W3C_trace_of_its_request_as_the_local_host_does()
    {
        await using var services = FunctionsApp.Services();
        var http = FunctionsApp.Request(services);
        using var request = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        await FunctionsApp.AnswerAsync(http, new HandlerResult(Problems.NotFound("Order 'O1'")));

        var problem = JsonDocument.Parse(FunctionsApp.Body(http)).RootElement;
        Assert.Equal(request.Id, problem.GetProperty("traceId").GetString());
        Assert.Contains(request.TraceId.ToHexString(), request.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_a_trigger_answers_is_problem_json_with_its_trace_whatever_Accept_asks_for_RFC9457()
    {
        await using var services = FunctionsApp.Services();
        var http = FunctionsApp.Request(services);
        http.Request.Headers.Accept = "text/html";
        using var request = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        await FunctionsApp.AnswerAsync(http, new HandlerResult(Problems.NotFound("Order 'O1'")));

        Assert.Equal("application/problem+json", http.Response.ContentType?.Split(';')[0]);
        var problem = JsonDocument.Parse(FunctionsApp.Body(http)).RootElement;
        Assert.Equal(request.Id, problem.GetProperty("traceId").GetString());
        Assert.Equal(ProblemTypes.NotFound.Uri, problem.GetProperty("type").GetString());
    }
}
