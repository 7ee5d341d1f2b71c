using System.Globalization;
using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;

namespace Registrar.Epp.Extensions;

/// <summary>RFC 3915 section 4.2.5 restore report: what the registrar attests to after a restore request.</summary>
public sealed record RgpRestoreReport(
    string PreDeleteData,
    string PostRestoreData,
    DateTimeOffset DeletedAt,
    DateTimeOffset RestoredAt,
    string RestoreReason,
    IReadOnlyList<string> Statements,
    string? Other = null);

/// <summary>&lt;rgp:update&gt;&lt;rgp:restore op="request"/&gt;&lt;/rgp:update&gt;.</summary>
public sealed class RgpRestoreRequestExtension : IEppCommandExtension
{
    public string NamespaceFor(EppRegistryProfile profile) => Rgp.Namespace(profile);

    public XElement Build(EppRegistryProfile profile)
    {
        XNamespace r = NamespaceFor(profile);
        return Rgp.Update(r, new XElement(r + "restore", new XAttribute("op", "request")));
    }
}

/// <summary>&lt;rgp:update&gt;&lt;rgp:restore op="report"&gt;&lt;rgp:report&gt;…</summary>
public sealed class RgpRestoreReportExtension(RgpRestoreReport report) : IEppCommandExtension
{
    public string NamespaceFor(EppRegistryProfile profile) => Rgp.Namespace(profile);

    public XElement Build(EppRegistryProfile profile)
    {
        if (report.Statements.Count is < 1 or > 2)
            throw new EppCommandValidationException("An RGP restore report carries one or two statements (RFC 3915).");
        XNamespace r = NamespaceFor(profile);
        return Rgp.Update(r, new XElement(r + "restore", new XAttribute("op", "report"),
            new XElement(r + "report",
                new XElement(r + "preData", report.PreDeleteData),
                new XElement(r + "postData", report.PostRestoreData),
                new XElement(r + "delTime", Rgp.Time(report.DeletedAt)),
                new XElement(r + "resTime", Rgp.Time(report.RestoredAt)),
                new XElement(r + "resReason", report.RestoreReason),
                report.Statements.Select(s => new XElement(r + "statement", s)),
                report.Other is null ? null : new XElement(r + "other", report.Other))));
    }
}

internal static class Rgp
{
    public static string Namespace(EppRegistryProfile profile) => profile.RgpNamespace
        ?? throw new EppCommandValidationException($"The '{profile.Name}' profile has no RGP namespace.");

    public static XElement Update(XNamespace r, XElement restore) =>
        new(r + "update", new XAttribute(XNamespace.Xmlns + "rgp", r), restore);

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
