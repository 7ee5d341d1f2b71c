using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Names;
using Registrar.Core.Registry;
using Registrar.Core.Tariffs;

namespace Registrar.Api.Storefront;

/// <summary>
/// POST /api/quotes: for each name, whether it can be ordered (rules core, then whether this registrar holds or is registering
/// it, then the registry's domain:check) and its price from the tariff in force now.
/// </summary>
public sealed class QuoteHandler(
    ClientAuthenticator authenticator, DomainNameParser names, IRegistryAvailability registry, NamesHeldHere namesHeldHere, TariffSchedule tariffs,
    TimeProvider clock)
{
    public const int MaxNames = 50;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var client = authenticator.Authenticate(request, ApiClientRole.Storefront);
        if (client.Problem is not null) return client.Problem;
        var body = await StrictJson.ReadAsync<QuoteRequest>(request, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var quote = body.Value!;
        if (quote.Names.Count is 0 or > MaxNames) return Problems.Validation("names", $"List 1 to {MaxNames} names.");
        var nullAt = quote.Names.ToList().IndexOf(null!);
        if (nullAt >= 0) return Problems.Validation($"names[{nullAt}]", "Each name is a string, such as \"example.kz\"; null is not a name.");

        var now = clock.GetUtcNow();
        var parsed = quote.Names.Select(n => (Typed: n, Result: names.ParseForRegistration(n))).ToList();
        if (quote.TermYears < 1) return Problems.Validation("termYears", $"The term is a whole number of years, at least 1 ({TermRules(parsed)}).");
        var valid = parsed.Where(p => p.Result.IsValid).Select(p => p.Result.Name!.Ascii).Distinct().ToList();
        var heldHere = (await Task.WhenAll(valid.Select(async ascii => (ascii, held: await namesHeldHere.IsHeldAsync(ascii, cancellationToken)))))
            .Where(n => n.held).Select(n => n.ascii).ToHashSet(StringComparer.Ordinal);
        IReadOnlyDictionary<string, Availability> availability;
        try
        {
            availability = await CheckAtRegistriesAsync(parsed.Where(p => p.Result.IsValid).Select(p => p.Result.Name!), cancellationToken);
        }
        catch (RegistryUnavailableException e)
        {
            return Problems.RegistryUnavailable(e.Message);
        }
        var quotes = parsed.Select(p => Quote(p.Typed, p.Result, availability, heldHere, quote.TermYears, now)).ToList();
        return TypedResults.Ok(new QuoteResponse(quotes, now));
    }

    /// <summary>KZ-1.1, UA-1.6: the rule of each zone the names are in; both offers' when no name is valid.</summary>
    private static string TermRules(IEnumerable<(string Typed, NameParseResult Result)> parsed)
    {
        var rules = parsed.Where(p => p.Result.IsValid).Select(p => p.Result.Name!.Zone.Term.Rule).Distinct().Order(StringComparer.Ordinal).ToList();
        return string.Join(", ", rules.Count > 0 ? rules : ["KZ-1.1", "UA-1.6"]);
    }

    private async Task<IReadOnlyDictionary<string, Availability>> CheckAtRegistriesAsync(IEnumerable<DomainName> valid, CancellationToken ct)
    {
        var checks = valid.GroupBy(n => n.Zone.Zone)
            .Select(zone => registry.CheckAsync(zone.Key, zone.Select(n => n.Ascii).Distinct().ToList(), ct));
        var answers = await Task.WhenAll(checks);
        return answers.SelectMany(a => a).ToDictionary(a => a.Key, a => a.Value);
    }

    private NameQuote Quote(string typed, NameParseResult parsed, IReadOnlyDictionary<string, Availability> availability, IReadOnlySet<string> heldHere,
        int years, DateTimeOffset now)
    {
        if (!parsed.IsValid)
            return new NameQuote(typed, null, null, null, false, parsed.Refusal!.Message, null, null, false);
        var name = parsed.Name!;
        var free = availability[name.Ascii];
        var refusal = heldHere.Contains(name.Ascii) ? $"{name.Unicode} {NamesHeldHere.Refusal}"
            : free.IsAvailable ? null
            : $"Not available at the registry: {free.Reason ?? "in use"}.";
        try
        {
            var price = tariffs.Quote(name.Zone.Zone, TariffOperation.Register, years, now);
            return new NameQuote(typed, name.Unicode, name.Ascii, name.Zone.Zone, refusal is null, refusal, price.PricePerYear, price.Total,
                name.RequiresTrademark);
        }
        catch (Exception e) when (e is UnsupportedTermException or NoTariffInForceException or OperationNotPricedException)
        {
            return new NameQuote(typed, name.Unicode, name.Ascii, name.Zone.Zone, false, e.Message, null, null, name.RequiresTrademark);
        }
    }
}
