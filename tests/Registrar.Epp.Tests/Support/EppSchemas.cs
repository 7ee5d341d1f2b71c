using System.Xml;
using System.Xml.Schema;
using Registrar.Testing;

namespace Registrar.Epp.Tests.Support;

/// <summary>The IETF EPP schemas (tools/epp/xsd/all.xsd loads them all), compiled once.</summary>
public static class EppSchemas
{
    private static readonly Lazy<XmlSchemaSet> Set = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(RepositoryPaths.EppSchemas, "all.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>The validation errors of a frame; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(byte[] frame)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Set.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(new MemoryStream(frame), settings);
        while (reader.Read()) { }
        return errors;
    }
}
