using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Registrar.Testing.YearInAMinute;

namespace Registrar.LocalHost.Tests;

/// <summary>A product of its own: the run moves the clock by more than a year and counts every registry command.</summary>
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
    private static readonly string[] ReminderKinds = ["RenewalReminder", "RenewalInvoice"];

    [Fact]
    public async Task A_year_of_registrations_keeps_every_reminder_renewal_and_deletion_rule_KZ_2_6_KZ_2_7_KZ_2_8_UA_1_7_UA_1_10_UA_1_11_UA_1_12()
    {
        var run = new YearRun(product, new YearPlan(Registrations: 48, Days: 400, Seed: 7));
        var report = await run.RunAsync();
        using var operations = product.Operations();
        var mail = await product.Mail.GetMessagesAsync();

        var renewed = 0;
        foreach (var domain in report.Domains)
        {
            var customer = domain.Customer;
            var first = domain.FirstExpiry ?? throw new InvalidOperationException($"{customer.DomainName} was never registered.");
            var notices = await NoticesAsync(operations, domain.RegistrationId);
            var view = (await run.ViewAsync(domain))!.Value;
            var registry = await product.Registry.GetDomainAsync(new IdnMapping().GetAscii(customer.DomainName));
            var payment = report.Payments.SingleOrDefault(p => p.CustomerId == customer.CustomerId);
            var because = $"{customer.DomainName} ({customer.Habit}, expiry {first:u})";

            // Each notice once: ids are distinct and the mail sink holds one mail per notice.
            Assert.Equal(notices.Count, notices.Select(n => n.Id).Distinct().Count());
            Assert.Equal(notices.Count, mail.Count(m => m.IsTo(customer.Email)));
            var reminders = notices.Where(n => ReminderKinds.Contains(n.Kind)).ToList();
            Assert.All(reminders, r => Assert.True(IsOnItsDay(customer, first, r.SentAt), $"{because}: a reminder sent {r.SentAt:u}"));
            Assert.Equal(reminders.Count, reminders.Select(r => r.SentAt.UtcDateTime.Date).Distinct().Count());

            switch (customer.Habit)
            {
                case Habit.RegistersForTwoYears:
                    Assert.Empty(reminders);
                    AssertExpiry(first, view, registry);
                    break;
                case Habit.PaysOnTime:
                    // KZ-2.7: the invoice came with the first reminder and was paid; none followed the renewal (KZ-2.6).
                    Assert.Contains("applied", payment!.BankAnswer);
                    Assert.Equal(["RenewalInvoice"], reminders.Select(r => r.Kind));
                    AssertRenewed(first, view, registry, notices, because);
                    renewed++;
                    break;
                case Habit.PaysLate when customer.IsKz:
                    // KZ-2.7, KZ-2.8: money arriving after the deadline is held, and the name is deleted at expiry.
                    Assert.Contains("held:InvoiceLapsed", payment!.BankAnswer);
                    AssertDeletedAtExpiry(first, view, registry, notices, reminders, because);
                    break;
                case Habit.PaysLate:
                    // UA-1.11: renewable after expiry at the redemption tariff, and renewed from the old expiry (UA-1.7).
                    Assert.Contains("applied", payment!.BankAnswer);
                    Assert.True(payment.PaidAt > first, because);
                    AssertEveryReminderBeforeExpiry(reminders, first, because);
                    Assert.Equal(4, reminders.Count);
                    Assert.Single(notices, n => n.Kind == "Expired");
                    AssertRenewed(first, view, registry, notices, because);
                    renewed++;
                    break;
                case Habit.NeverPays when customer.IsKz:
                    Assert.Null(payment);
                    AssertDeletedAtExpiry(first, view, registry, notices, reminders, because);
                    break;
                case Habit.NeverPays:
                    // UA-1.10, UA-1.12: reminders go on after expiry; the registry is asked to delete 28 days after it.
                    Assert.Null(payment);
                    Assert.Single(notices, n => n.Kind == "Expired");
                    Assert.DoesNotContain(notices, n => n.Kind == "Renewed");
                    if (first.AddDays(28) <= report.EndedAt)
                    {
                        Assert.Equal(6, reminders.Count);
                        Assert.Contains(view.GetProperty("phase").GetString(), (string[])["Deleting", "Deleted"]);
                    }
                    else
                    {
                        Assert.Equal("Expired", view.GetProperty("phase").GetString());
                        AssertExpiry(first, view, registry);
                    }
                    break;
            }
        }
        // No renewal without payment, and every registration created once.
        Assert.Equal(renewed, await product.Registry.CountAsync("domain:renew"));
        Assert.Equal(report.Domains.Count, await product.Registry.CountAsync("domain:create"));
        Assert.All(Enum.GetValues<Habit>(), habit => Assert.Contains(report.Domains, d => d.Customer.Habit == habit && d.Customer.IsKz));
        Assert.All(Enum.GetValues<Habit>(), habit => Assert.Contains(report.Domains, d => d.Customer.Habit == habit && !d.Customer.IsKz));
    }

    /// <summary>KZ-2.6: no earlier than its instant and within the day after it: 30, 14 and 7 days before expiry and
    /// (.kz) on the renewal deadline in the last week, or (.ua) a day before expiry and 7 and 21 days after it.</summary>
    private static bool IsOnItsDay(YearCustomer customer, DateTimeOffset expiry, DateTimeOffset sentAt)
    {
        int[] days = customer.IsKz ? [-30, -14, -7] : [-30, -14, -7, -1, 7, 21];
        var onDay = days.Any(d => sentAt >= expiry.AddDays(d) && sentAt < expiry.AddDays(d + 1));
        return onDay || (customer.IsKz && sentAt > expiry.AddDays(-7) && sentAt < expiry);
    }

    /// <summary>KZ-2.6: the 30, 14 and 7-day reminders each on its day. A `.kz` renewal-deadline reminder comes too, on a
    /// day of its own unless holidays push the deadline onto the 7-day reminder's day (then one reminder, the later).</summary>
    private static void AssertEveryReminderBeforeExpiry(List<SentNotice> reminders, DateTimeOffset expiry, string because)
    {
        foreach (var days in (int[])[30, 14, 7])
            Assert.True(reminders.Any(r => r.SentAt >= expiry.AddDays(-days) && r.SentAt < expiry.AddDays(1 - days)), $"{because}: no {days}-day reminder");
        Assert.InRange(reminders.Count(r => r.SentAt < expiry), 3, 4);
    }

    private static void AssertRenewed(DateTimeOffset first, JsonElement view, JsonElement? registry, List<SentNotice> notices, string because)
    {
        Assert.True(view.GetProperty("phase").GetString() == "Registered", because);
        AssertExpiry(first.AddYears(1), view, registry);
        Assert.Single(notices, n => n.Kind == "Renewed");
    }

    private static void AssertDeletedAtExpiry(DateTimeOffset first, JsonElement view, JsonElement? registry, List<SentNotice> notices,
        List<SentNotice> reminders, string because)
    {
        AssertEveryReminderBeforeExpiry(reminders, first, because);
        Assert.Null(registry);
        Assert.Equal("Deleted", view.GetProperty("phase").GetString());
        Assert.Single(notices, n => n.Kind == "Expired");
        Assert.InRange(Assert.Single(notices, n => n.Kind == "Deleted").SentAt, first, first.AddDays(1));
        Assert.DoesNotContain(notices, n => n.Kind == "Renewed");
    }

    /// <summary>The expiry moved by nothing but a renewal, and equal to the registry's.</summary>
    private static void AssertExpiry(DateTimeOffset expected, JsonElement view, JsonElement? registry)
    {
        Assert.Equal(expected, view.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.Equal(expected, registry!.Value.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
    }

    private static async Task<List<SentNotice>> NoticesAsync(HttpClient operations, string registrationId)
    {
        var notices = await operations.GetFromJsonAsync<JsonElement>($"api/ops/registrations/{registrationId}/notices");
        return notices.EnumerateArray()
            .Select(n => new SentNotice(n.GetProperty("noticeId").GetString()!, n.GetProperty("kind").GetString()!, n.GetProperty("sentAt").GetDateTimeOffset()))
            .ToList();
    }

    private sealed record SentNotice(string Id, string Kind, DateTimeOffset SentAt);
}
