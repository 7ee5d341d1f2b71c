using System.Xml.Linq;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Session;

/// <summary>RFC 5730 section 3: a command naming a protocol version the server does not implement MUST be answered
/// 2100. Checked before the schema, which admits only 1.0 and would answer it as a syntax error (2001).</summary>
public static class ProtocolVersion
{
    public const string Implemented = "1.0";
    private const int MaxQuoted = 16;
    private static readonly XNamespace Epp = EppNamespaces.Epp;

    public static void Require(XDocument frame)
    {
        var named = frame.Root?.Element(Epp + "command")?.Element(Epp + "login")?.Element(Epp + "options")?.Element(Epp + "version")?.Value.Trim();
        if (named is null || named == Implemented) return;
        throw new EppCommandException(ResultCode.UnimplementedProtocolVersion,
            $"version '{(named.Length > MaxQuoted ? named[..MaxQuoted] + "…" : named)}' is not implemented; this server speaks EPP {Implemented}.");
    }
}
