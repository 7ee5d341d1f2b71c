namespace Registrar.Registry;

/// <summary>Bound from "Registry": what the gateway needs beyond the EPP connection settings.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>Per registry id, this registrar's own technical contact handle (UA-1.14: "the registrar").</summary>
    public Dictionary<string, string> RegistrarTechnicalContacts { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
