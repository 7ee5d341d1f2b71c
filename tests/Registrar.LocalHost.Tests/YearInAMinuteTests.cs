using System.Net.Http.Json;
using System.Text.Json;
using Registrar.Testing.YearInAMinute;

namespace Registrar.LocalHost.Tests;

[CollectionDefinition(Name)]
public sealed class YearInAMinuteCollection : ICollectionFixture<ProductFixture>
{
    public const string Name = "a year of registrations";
}

/// <summary>The small year in a minute: registrations across all six zones live 400 simulated days on the operations
/// clock, each customer paying on time, late, never, or holding a two-year term. Everything is asserted from
/// outside: the operations and storefront APIs, the mail sink and the simulator.</summary>
[Collection(YearInAMinuteCollection.Name)]
public sealed class YearInAMinuteTests(ProductFixture product)
{
    private static readonly string[] Reminders = ["RenewalReminder", "RenewalInvoice"];

    [Fact]
    public async Task A_year_of_registrations_keeps_every_renewal_and_deletion_rule_KZ_2_6_KZ_2_7_KZ_2_8_UA_1_7_UA_1_10_UA_1_12()
    {
        var run = new YearRun(product, new YearPlan(Registrations: 36, Days: 400, Seed: 7));
        var report = await run.RunAsync();
        using var operations = product.Operations();

        var renewals = 0;
        foreach (var domain in report.Domains)
        {
            var customer = domain.Customer;
            var first = domain.FirstExpiry ?? throw new InvalidOperationException($"{customer.DomainName} was never registered.");
            var notices = await NoticesAsync(operations, domain.RegistrationId);
            var view = (await run.ViewAsync(domain))!.Value;
            var registry = await product.Registry.GetDomainAsync(Ascii(customer.DomainName));
            var paid = report.Payments.Any(p => p.CustomerId == customer.CustomerId && p.BankAnswer.Contains("applied"));
            var because = $"{customer.DomainName} ({customer.Habit}, expiry {first:u})";

            // Every notice once: ids are distinct and the mail sink holds exactly one mail per notice.
            Assert.Equal(notices.Count, notices.Select(n => n.Id).Distinct().Count());
            Assert.Equal(notices.Count, (await product.Mail.GetMessagesAsync()).Count(m => m.IsTo(customer.Email)));

            // KZ-2.6: each reminder on its day: no earlier than 30 days before expiry, never two on one day.
            var reminders = notices.Where(n => Reminders.Contains(n.Kind)).ToList();
            Assert.All(reminders, r => Assert.InRange(r.SentAt, first.AddDays(-30), first.AddDays(customer.IsKz ? 0 : 22)));
            Assert.Equal(reminders.Count, reminders.Select(r => r.SentAt.Date).Distinct().Count());

            if (paid)
            {
                // UA-1.7: one year on the previous expiry, equal to the registry's; renewed once.
                renewals++;
                Assert.True(view.GetProperty("phase").GetString() == "Registered", because);
                Assert.Equal(first.AddYears(1), view.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
                Assert.Equal(first.AddYears(1), registry!.Value.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
                Assert.Single(notices, n => n.Kind == "Renewed");
            }
            else if (customer.Habit == Habit.RegistersForTwoYears)
            {
                Assert.Empty(reminders);
                Assert.Equal(first, registry!.Value.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
            }
            else
            {
                // No deletion without its reminders (KZ-2.6), and none before its day (KZ-2.8 at expiry, UA-1.12 28 days after).
                Assert.Equal(customer.IsKz ? 4 : 6, reminders.Count);
                Assert.Single(notices, n => n.Kind == "Expired");
                Assert.DoesNotContain(notices, n => n.Kind == "Renewed");
                if (customer.IsKz)
                {
                    Assert.Null(registry);
                    Assert.Equal("Deleted", view.GetProperty("phase").GetString());
                    Assert.Single(notices, n => n.Kind == "Deleted");
                }
                else
                {
                    Assert.Equal(first, registry!.Value.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
                    Assert.Equal("Deleting", view.GetProperty("phase").GetString());
                }
            }
        }
        // No renewal without payment, and every registration created once.
        Assert.Equal(renewals, await product.Registry.CountAsync("domain:renew"));
        Assert.Equal(report.Domains.Count, await product.Registry.CountAsync("domain:create"));
        Assert.Contains(report.Payments, p => p.BankAnswer.Contains("held"));
    }

    private static string Ascii(string name) => new System.Globalization.IdnMapping().GetAscii(name);

    private static async Task<List<SentNotice>> NoticesAsync(HttpClient operations, string registrationId)
    {
        var notices = await operations.GetFromJsonAsync<JsonElement>($"api/ops/registrations/{registrationId}/notices");
        return notices.EnumerateArray()
            .Select(n => new SentNotice(n.GetProperty("noticeId").GetString()!, n.GetProperty("kind").GetString()!, n.GetProperty("sentAt").GetDateTimeOffset()))
            .ToList();
    }

    private sealed record SentNotice(string Id, string Kind, DateTimeOffset SentAt);
}
