using Registrar.Core.Money;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using static Registrar.Orchestration.Tests.Scenarios.LifecycleScenarios;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>A registered domain's life on the real clock: expiries are set so that what falls due has fallen due
/// (the host's timer fires at once), and each step names every command it leads to, timers' included.</summary>
public static class RenewalScenarios
{
    public static async Task PaidRenewal(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(20);
        var paid = await RenewalPaidAsync(run, expiry);
        await run.RaiseAsync(paid);

        var renewed = await run.AnswerAsync(new DomainRenewed(expiry.AddYears(1)), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.Renewed, renewed.OfType<SendNotice>().Single().Kind);
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.ExpiresAt == expiry.AddYears(1));
        Assert.Null(state.Renewal.PaidInvoice);
    }

    /// <summary>Architecture principle 3: the renew was carried out at the registry and the host died before its answer was
    /// saved; the redelivered renew names the expiry the first one moved on and is refused 2306 (RFC 5731 section 3.2.3).</summary>
    public static async Task RenewRepeatedAfterACrashIsReadBack(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(20);
        await RenewalPaidAsync(run, expiry);

        var refused = new RegistryRefused(2306, $"curExpDate {expiry:yyyy-MM-dd} does not match the expiry date of example.kz, {expiry.AddYears(1):yyyy-MM-dd}.");
        await run.AnswerAsync(refused, typeof(QueryDomain));
        var renewed = await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry.AddYears(1), ["ok"]), typeof(SendNotice), typeof(RecordRegistrationView));

        Assert.Equal(NoticeKind.Renewed, renewed.OfType<SendNotice>().Single().Kind);
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.ExpiresAt == expiry.AddYears(1));
        Assert.Equal(expiry.AddYears(1).AddDays(-30), await run.Host.WakeAtAsync(run.RegistrationId));
    }

    public static async Task UnpaidKzDeleted(ScenarioRun run)
    {
        var expired = DateTimeOffset.UtcNow.AddMinutes(-1);
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        var lapsed = await run.AnswerAsync(new DomainCreated(expired),
            typeof(SendNotice), typeof(RecordRegistrationView), typeof(SendNotice), typeof(DeleteDomain), typeof(RecordRegistrationView));
        // The expiry notice comes from the timer, which the local host may dispatch before the answer's own commands.
        Assert.Equal([NoticeKind.Registered, NoticeKind.Expired], lapsed.OfType<SendNotice>().Select(n => n.Kind).Order());

        // RFC 5731 section 3.2.2: the delete the registry carries out later shows the domain pendingDelete meanwhile.
        var pending = await run.AnswerAsync(new RegistryPending(), typeof(RecordRegistrationView));
        Assert.Equal(["inactive", "pendingDelete"], pending.OfType<RecordRegistrationView>().Single().View.RegistryStatuses);
        await run.SettlesInAsync(RegistrationPhase.Deleting, s => s.AwaitedCommandId is null);
        await run.RaiseAsync(new RegistryReported("poll:kaznic:1", "Domain deleted"), typeof(QueryDomain));
        var deleted = await run.AnswerAsync(new DomainInfo(false, false, null, null), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.Deleted, deleted.OfType<SendNotice>().Single().Kind);
        await run.SettlesInAsync(RegistrationPhase.Deleted);
    }

    public static async Task ExpiredUaRestored(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(-1);
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        var lapsed = await run.AnswerAsync(new DomainCreated(expiry),
            typeof(SendNotice), typeof(RecordRegistrationView), typeof(IssueRenewalInvoice), typeof(RecordRegistrationView));
        var invoice = lapsed.OfType<IssueRenewalInvoice>().Single();
        Assert.Equal(TariffOperation.RedemptionRenewal, invoice.Operation);

        var notice = await run.RaiseAsync(InvoiceIssued(invoice, "INV-2"), typeof(SendNotice));
        Assert.Equal(NoticeKind.Expired, notice.OfType<SendNotice>().Single().Kind);
        await run.RaiseAsync(new RenewalPaid("renewal-paid:INV-2", "INV-2", 1, DateTimeOffset.UtcNow), typeof(RenewDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new RegistryRefused(2304, "Object status prohibits operation"), typeof(QueryDomain));
        await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["pendingDelete", "redemptionPeriod"]), typeof(RestoreDomain), typeof(RecordRegistrationView));
        var renew = await run.AnswerAsync(new DomainRestored(), typeof(RenewDomain), typeof(RecordRegistrationView));
        Assert.Equal(expiry, renew.OfType<RenewDomain>().Single().CurrentExpiry);
        await run.AnswerAsync(new DomainRenewed(expiry.AddYears(1)), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.ExpiresAt == expiry.AddYears(1));
    }

    /// <summary>KZ-3.5, UA-3.4: the bank booked the renewal invoice's payment before expiry and notified it after the redemption
    /// invoice (UA-1.11) replaced it: the payment renews at the renewal price, and the redemption invoice is cancelled (UA-1.7).</summary>
    public static async Task UaRenewalPaidInTimeNotifiedAfterExpiry(ScenarioRun run)
    {
        // Far enough ahead for the steps before it, near enough for the expiry's timer to fire within a step.
        var expiry = DateTimeOffset.UtcNow.AddSeconds(10);
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        var registered = await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView), typeof(IssueRenewalInvoice));
        var renewal = registered.OfType<IssueRenewalInvoice>().Single();
        Assert.Equal(TariffOperation.Renew, renewal.Operation);
        await run.RaiseAsync(InvoiceIssued(renewal, "INV-1"), typeof(SendNotice));

        var expired = await run.StepAsync(() => Task.CompletedTask, typeof(IssueRenewalInvoice), typeof(RecordRegistrationView));
        var redemption = expired.OfType<IssueRenewalInvoice>().Single();
        Assert.Equal(TariffOperation.RedemptionRenewal, redemption.Operation);
        await run.RaiseAsync(InvoiceIssued(redemption, "INV-2"), typeof(SendNotice));

        var paid = await run.RaiseAsync(new RenewalPaid("renewal-paid:INV-1", "INV-1", 1, expiry.AddSeconds(-1)),
            typeof(RenewDomain), typeof(CancelRenewalInvoice), typeof(RecordRegistrationView));
        Assert.Equal(expiry, paid.OfType<RenewDomain>().Single().CurrentExpiry);
        Assert.Equal(("INV-2", "INV-1"), paid.OfType<CancelRenewalInvoice>().Select(c => (c.InvoiceNumber, c.PaidInvoice)).Single());
        await run.AnswerAsync(new DomainRenewed(expiry.AddYears(1)), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.ExpiresAt == expiry.AddYears(1));
    }

    public static async Task RegistryIsFollowed(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(200);
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));

        var later = new DomainInfo(true, true, "H-1", expiry.AddYears(1), ["ok"]);
        await run.RaiseAsync(new RegistryObserved("observed:1", later, DateTimeOffset.UtcNow), typeof(FlagForOperations), typeof(RecordRegistrationView));
        await run.RaiseAsync(new RegistryObserved("observed:2", later, DateTimeOffset.UtcNow));
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.ExpiresAt == expiry.AddYears(1));

        var elsewhere = new DomainInfo(true, false, "X-9", expiry.AddYears(1), ["ok"]);
        var told = await run.RaiseAsync(new RegistryObserved("observed:3", elsewhere, DateTimeOffset.UtcNow), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.TransferredAway, told.OfType<SendNotice>().Single().Kind);
        await run.SettlesInAsync(RegistrationPhase.TransferredAway);
    }

    public static async Task MissingCalendarYearWaits(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(20);
        var year = expiry.ToOffset(TimeSpan.FromHours(5)).Year;
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        CalendarWait wait;
        using (run.Calendars.Withhold("KZ", year))
        {
            // The 30-day reminder is due at once, but its deadline is counted in a year not loaded: operations are told, and the
            // warning goes out saying the invoice follows (KZ-2.6).
            var registered = await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(SendNotice), typeof(RecordRegistrationView),
                typeof(FlagForOperations));
            Assert.StartsWith($"Calendar year {year} for KZ is missing", registered.OfType<FlagForOperations>().Single().Reason);
            var warning = registered.OfType<SendNotice>().Single(n => n.Kind == NoticeKind.RenewalReminder);
            Assert.Equal(new NoticeFacts(ExpiresAt: expiry, InvoiceFollows: true), warning.Facts);
            wait = (await run.SettlesInAsync(RegistrationPhase.Registered, s => s.Renewal.CalendarWait is not null)).Renewal.CalendarWait!;

            // No retry storm: the host next wakes it for the hourly check, and decides nothing meanwhile.
            Assert.Equal(wait.CheckAgainAt, await run.Host.WakeAtAsync(run.RegistrationId));
            Assert.InRange(wait.CheckAgainAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1));
            await Task.Delay(TimeSpan.FromSeconds(2));
            await run.SettlesInAsync(RegistrationPhase.Registered, s => s.Renewal.CalendarWait == wait);
        }

        // The year's file is published and the hosts started again: the hourly check, fired here rather than waited for, goes on.
        await run.RaiseAsync(new RegistrationTimerDue($"timer:{wait.CheckAgainAt.UtcTicks}", wait.CheckAgainAt), typeof(IssueRenewalInvoice));
        var resumed = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.Renewal.CalendarWait is null);
        Assert.Equal(["before-expiry-30d"], resumed.Renewal.RemindersSent);
        Assert.Equal(expiry.AddDays(-14), await run.Host.WakeAtAsync(run.RegistrationId));
    }

    /// <summary>A registered .kz domain whose 30-day reminder brought the renewal invoice, paid: the renew from its expiry is out.</summary>
    private static async Task<RenewalPaid> RenewalPaidAsync(ScenarioRun run, DateTimeOffset expiry)
    {
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        // The 30-day reminder is already due: the timer asks for the invoice it carries.
        var registered = await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView), typeof(IssueRenewalInvoice));
        var invoice = registered.OfType<IssueRenewalInvoice>().Single();
        Assert.Equal(TariffOperation.Renew, invoice.Operation);

        var reminder = await run.RaiseAsync(InvoiceIssued(invoice, "INV-1"), typeof(SendNotice));
        Assert.Equal(NoticeKind.RenewalInvoice, reminder.OfType<SendNotice>().Single().Kind);
        var paid = new RenewalPaid("renewal-paid:INV-1", "INV-1", 1, DateTimeOffset.UtcNow);
        var renew = await run.RaiseAsync(paid, typeof(RenewDomain), typeof(RecordRegistrationView));
        Assert.Equal(expiry, renew.OfType<RenewDomain>().Single().CurrentExpiry);
        return paid;
    }

    private static RenewalInvoiceIssued InvoiceIssued(IssueRenewalInvoice invoice, string number) =>
        new("answer:" + invoice.CommandId, invoice.CommandId, number, Money.Of(9000m, Currency.Kzt), invoice.DueAt);
}
