namespace Registrar.Core.Tariffs;

/// <summary>
/// UA-2.1.4 / UA-3.3: one published price, in force from <paramref name="EffectiveFrom"/> until the
/// zone's next published tariff. <paramref name="IsPlaceholder"/> marks an amount the offers do not
/// give, which operations must replace with the published price.
/// </summary>
public sealed record Tariff(
    string Zone,
    TariffOperation Operation,
    Money.Money PricePerYear,
    DateTimeOffset EffectiveFrom,
    bool IsPlaceholder);

/// <summary>
/// UA-3.3: the price of one invoice line, fixed when the invoice is issued. It is a value: a
/// tariff published later never changes it, because nothing in it refers back to the schedule.
/// </summary>
public sealed record PriceQuote(
    string Zone,
    TariffOperation Operation,
    int TermYears,
    Money.Money PricePerYear,
    Money.Money Total,
    DateTimeOffset TariffEffectiveFrom,
    DateTimeOffset QuotedAt);
