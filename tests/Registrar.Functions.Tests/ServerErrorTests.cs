using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Registrar.Api.Http;
using Registrar.Functions.Http;

namespace Registrar.Functions.Tests;

/// <summary>An HTTP trigger that throws answers as the local host's exception handler does: an RFC 9457 problem of the API's
/// server-error type, never the Functions host's empty 500, and the exception is logged without what the request carried.</summary>
public sealed class ServerErrorTests
{
    [Fact]
    public async Task A_trigger_that_throws_answers_the_local_hosts_500_problem_and_logs_the_exception()
    {
        await using var services = FunctionsApp.Services();
        var http = FunctionsApp.Request(services);
        http.Request.QueryString = new("?email=owner@example.kz");
        var logger = new RecordingLogger<ServerErrorMiddleware>();
        var failure = new InvalidOperationException("storage broke");
        using var request = new Activity("request").Start();

        await new ServerErrorMiddleware(logger).Invoke(new HttpFunctionContext(http, "PlaceOrder"), _ => throw failure);

        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        var problem = JsonDocument.Parse(FunctionsApp.Body(http)).RootElement;
        Assert.Equal((ProblemTypes.ServerError.Uri, ProblemTypes.ServerError.Title, 500, request.Id),
            (problem.GetProperty("type").GetString(), problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32(),
                problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("storage broke", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Error, failure), (entry.Level, entry.Exception));
        Assert.Contains("PlaceOrder", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("owner@example.kz", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_without_an_HTTP_request_that_throws_is_left_to_the_Functions_host()
    {
        var logger = new RecordingLogger<ServerErrorMiddleware>();
        await using var services = FunctionsApp.Services();
        var context = new HttpFunctionContext(FunctionsApp.Request(services), "RunRegistryCommand") { Items = new Dictionary<object, object>() };

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ServerErrorMiddleware(logger).Invoke(context, _ => throw new InvalidOperationException("queue message failed")));
        Assert.Empty(logger.Entries);
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
