namespace Registrar.Testing;

/// <summary>Where the repository, its build output and the IETF EPP schemas and samples are, seen from a test assembly.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The IETF EPP schemas, kept in the repository (tools/epp/xsd/SOURCES.md says where each comes from).</summary>
    public static string EppSchemas => Path.Combine(Root, "tools", "epp", "xsd");

    public static string EppSamples => Path.Combine(Root, "tools", "epp", "samples");

    /// <summary>The Node.js that runs Azurite and MailDev: the LTS release npm installs with them (package.json), else the
    /// machine's own. Node 20, Debian's, reached its end of life in April 2026, and the emulator spent 7–8% less CPU on 26 in
    /// the year benchmark (issue 16).</summary>
    public static string Node { get; } =
        File.Exists(Path.Combine(Root, "node_modules", ".bin", "node")) ? Path.Combine(Root, "node_modules", ".bin", "node") : "node";

    /// <summary>Debug or Release: the configuration the tests themselves were built with.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The built entry assembly of a project under src/ or tools/, same configuration as the tests.</summary>
    public static string BuiltAssembly(string projectFolder, string assemblyName) =>
        Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", assemblyName + ".dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Registrar.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException(
            $"No Registrar.sln above {AppContext.BaseDirectory}: tests must run from a clone of the repository.");
    }
}
