namespace Registrar.Testing;

/// <summary>A simulator whose greeting does not announce RFC 5910 secDNS-1.1 and whose login refuses it (2103), as a
/// registry without DNSSEC would: for the RFC 5730 section 2.9.1.1 negotiation tests.</summary>
public sealed class SimulatorWithoutSecDnsFixture : RegistrySimulatorFixture
{
    public const string SecDns = "urn:ietf:params:xml:ns:secDNS-1.1";

    protected override IEnumerable<string> ExtraArguments => ["--withhold-service", SecDns];
}
