using System.Globalization;

namespace Registrar.RegistrySimulator;

/// <summary>The process contract in notes/shared-apis.md: CLI flags and their defaults.</summary>
public sealed record SimulatorOptions
{
    public int EppPort { get; init; }
    public int ControlPort { get; init; }
    public required string SchemaDirectory { get; init; }
    public IReadOnlyDictionary<string, string> Registrars { get; init; } =
        new Dictionary<string, string> { ["registrar1"] = "secret-1", ["registrar2"] = "secret-2" };
    public int SessionCap { get; init; } = 4;
    public int MaxFrameBytes { get; init; } = 64 * 1024;
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Object or extension namespaces left out of the greeting and refused at login (a registry offering fewer).</summary>
    public IReadOnlySet<string> WithheldServices { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static SimulatorOptions Parse(string[] args, string repositoryRootGuess)
    {
        var registrars = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new SimulatorOptions { SchemaDirectory = DefaultSchemaDirectory(repositoryRootGuess) };
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{flag} needs a value.");
            options = flag switch
            {
                "--epp-port" => options with { EppPort = Port(flag, Next()) },
                "--control-port" => options with { ControlPort = Port(flag, Next()) },
                "--schemas" => options with { SchemaDirectory = Path.GetFullPath(Next()) },
                "--session-cap" => options with { SessionCap = Positive(flag, Next()) },
                "--max-frame-bytes" => options with { MaxFrameBytes = Positive(flag, Next()) },
                "--idle-timeout-seconds" => options with { IdleTimeout = TimeSpan.FromSeconds(Positive(flag, Next())) },
                "--registrar" => AddRegistrar(options, registrars, Next()),
                "--withhold-service" => options with { WithheldServices = new HashSet<string>(options.WithheldServices, StringComparer.Ordinal) { Next() } },
                _ => throw new ArgumentException($"Unknown option {flag}. Options: --epp-port N --control-port N --schemas DIR " +
                                                 "--registrar CLID:PASSWORD --session-cap N --max-frame-bytes N --idle-timeout-seconds N " +
                                                 "--withhold-service URI"),
            };
        }
        return registrars.Count > 0 ? options with { Registrars = registrars } : options;
    }

    private static SimulatorOptions AddRegistrar(SimulatorOptions options, Dictionary<string, string> registrars, string value)
    {
        var colon = value.IndexOf(':');
        if (colon < 3 || colon == value.Length - 1)
            throw new ArgumentException($"--registrar expects CLID:PASSWORD (a 3-16 character id); got '{value}'.");
        registrars[value[..colon]] = value[(colon + 1)..];
        return options;
    }

    private static int Port(string flag, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{flag} expects a port 0-65535 (0 = any free port); got '{value}'.");

    private static int Positive(string flag, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{flag} expects a positive whole number; got '{value}'.");

    /// <summary>tools/epp/xsd in the repository (the folder holding Registrar.sln).</summary>
    private static string DefaultSchemaDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Registrar.sln")))
                return Path.Combine(dir.FullName, "tools", "epp", "xsd");
        }
        return Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "tools", "epp", "xsd"));
    }
}
