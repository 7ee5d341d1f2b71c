using System.Diagnostics;

namespace Registrar.Epp.Sessions;

/// <summary>One span per EPP command (registry, clTRID, result code; never the frame, which holds contact data).</summary>
public static class EppTelemetry
{
    public const string SourceName = "Registrar.Epp";

    public static readonly ActivitySource Source = new(SourceName);
}
