using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Registrar.LocalHost.Tests;

/// <summary>Every log line a host writes, as text: the message, each structured value, the exception and the scopes around it.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new List<string> { $"{logLevel} {category}: {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values) line.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            if (exception is not null) line.Add(exception.ToString());
            logs._scopes.ForEachScope((scope, all) =>
            {
                all.Add(scope?.ToString() ?? "");
                if (scope is IEnumerable<KeyValuePair<string, object?>> scoped) all.AddRange(scoped.Select(v => $"{v.Key}={v.Value}"));
            }, line);
            logs._lines.Enqueue(string.Join(" | ", line));
        }
    }
}

/// <summary>What the in-memory exporter writes from the export thread while the test reads it.</summary>
public sealed class CapturedSpans : ICollection<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    public int Count => _spans.Count;

    public bool IsReadOnly => false;

    /// <summary>A span as text: its name, status, every tag, every event with its tags, and its baggage.</summary>
    public static string Describe(Activity span) => string.Join(" | ",
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}.{t.Key}={t.Value}").Prepend(e.Name)))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}")));

    public void Add(Activity item) => _spans.Enqueue(item);

    public void Clear() => _spans.Clear();

    public bool Contains(Activity item) => _spans.Contains(item);

    /// <summary>A list built from this reads <see cref="Count"/> first and copies after, while the exporter may add spans in
    /// between: those are left for the next read rather than overflow the array (a CI run failed so).</summary>
    public void CopyTo(Activity[] array, int arrayIndex)
    {
        var spans = _spans.ToArray();
        Array.Copy(spans, 0, array, arrayIndex, Math.Min(spans.Length, array.Length - arrayIndex));
    }

    public bool Remove(Activity item) => throw new NotSupportedException("Exported spans are only added.");

    public IEnumerator<Activity> GetEnumerator() => _spans.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
