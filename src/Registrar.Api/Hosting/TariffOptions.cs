namespace Registrar.Api.Hosting;

/// <summary>Bound from "Tariffs". The price list operations publish, in the format of the shipped
/// Registrar.Core/Tariffs/tariffs.json; a new list takes effect on the next start, without a code release.</summary>
public sealed class TariffOptions
{
    public const string Section = "Tariffs";

    /// <summary>A tariffs.json document on this machine; with neither it nor <see cref="PriceListBlob"/>, the shipped
    /// (placeholder) tariffs, allowed in Development only.</summary>
    public string? PriceListPath { get; set; }

    /// <summary>The price list as a blob of the <see cref="PublishedSettings.Container"/> container, for a host with no
    /// file of its own to read (Azure); read when <see cref="PriceListPath"/> is not set.</summary>
    public string? PriceListBlob { get; set; }
}
