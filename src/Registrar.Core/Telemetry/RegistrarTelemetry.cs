using System.Diagnostics;

namespace Registrar.Core.Telemetry;

/// <summary>
/// The activity sources of every hop the product owns (queues, lifecycle, mail; EPP in its client); HTTP comes from
/// ASP.NET Core's own instrumentation. Hosts subscribe to <see cref="SourceNames"/>. Spans carry ids
/// (registration, command, notice, clTRID) and outcomes, never personal data.
/// </summary>
public static class RegistrarTelemetry
{
    public static readonly ActivitySource Queues = new("Registrar.Queues");
    public static readonly ActivitySource Lifecycle = new("Registrar.Lifecycle");
    public static readonly ActivitySource Mail = new("Registrar.Mail");

    /// <summary>With the EPP client's source ("Registrar.Epp"), which lives in the client's own library.</summary>
    public static IReadOnlyList<string> SourceNames { get; } = [Queues.Name, Lifecycle.Name, Mail.Name, "Registrar.Epp"];

    /// <summary>The W3C trace context of the current activity, to carry in a message that crosses a hop.</summary>
    public static (string? TraceParent, string? TraceState) CurrentContext() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? (current.Id, current.TraceStateString) : (null, null);

    /// <summary>The context a message carried, or none when it carried none (older messages) or a malformed one.</summary>
    public static ActivityContext ParentFrom(string? traceParent, string? traceState) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, traceState, out var parent) ? parent : default;
}
