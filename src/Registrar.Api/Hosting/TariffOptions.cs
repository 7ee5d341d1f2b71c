namespace Registrar.Api.Hosting;

/// <summary>Bound from "Tariffs". The price list operations publish, in the format of the shipped
/// Registrar.Core/Tariffs/tariffs.json; a new list takes effect on the next start, without a code release.</summary>
public sealed class TariffOptions
{
    public const string Section = "Tariffs";

    /// <summary>A tariffs.json document; null uses the shipped (placeholder) tariffs, allowed in Development only.</summary>
    public string? PriceListPath { get; set; }
}
