using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>UA-Pre-6 on Azurite: the erasure schedule read by due instant, and the stores rewritten with the person's data replaced.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PersonalDataErasureStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2031, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static ErasureDue Due(string registrationId, DateTimeOffset at, ErasureGround ground = ErasureGround.RetentionEnded) =>
        new(registrationId, "cust-1", at, ground);

    [Fact]
    public async Task UA_Pre_6_the_schedule_gives_what_is_due_by_now_earliest_first_and_nothing_due_later()
    {
        var schedule = new ErasureSchedule(TestStorage.Clients(azurite));
        await schedule.ScheduleAsync(Due("O2-1", Now), default);
        await schedule.ScheduleAsync(Due("O1-1", Now.AddDays(-400)), default);
        await schedule.ScheduleAsync(Due("O3-1", Now.AddTicks(1)), default);
        await schedule.ScheduleAsync(Due("O4-1", Now.AddYears(4)), default);

        var due = await schedule.DueAsync(Now, 10, default);

        Assert.Equal(["O1-1", "O2-1"], due.Select(d => d.RegistrationId));
        Assert.Equal(["O1-1"], (await schedule.DueAsync(Now, 1, default)).Select(d => d.RegistrationId));
    }

    [Fact]
    public async Task UA_Pre_6_scheduling_the_same_erasure_again_keeps_one_and_a_removed_one_is_gone()
    {
        var schedule = new ErasureSchedule(TestStorage.Clients(azurite));
        await schedule.ScheduleAsync(Due("O1-1", Now), default);
        await schedule.ScheduleAsync(Due("O1-1", Now), default);
        await schedule.ScheduleAsync(Due("O1-1", Now, ErasureGround.ErasureRequest), default);

        Assert.Equal(2, (await schedule.DueAsync(Now, 10, default)).Count);

        await schedule.RemoveAsync(Due("O1-1", Now), default);
        Assert.Equal([ErasureGround.ErasureRequest], (await schedule.DueAsync(Now, 10, default)).Select(d => d.Ground));
    }

    [Fact]
    public async Task UA_Pre_6_a_registrations_notices_are_rewritten_and_keep_when_they_went_out()
    {
        var notices = new NoticeStore<SendNotice>(TestStorage.Clients(azurite));
        var notice = new SendNotice("O1-1-4", "O1-1", NoticeKind.Registered, "cust-1", "olena@example.ua", "com.ua", "example.com.ua");
        var claim = await notices.ClaimAsync(notice.CommandId, notice, Now, default);
        await notices.MarkSentAsync(claim.Record, Now.AddMinutes(1), default);

        await notices.EraseForRegistrationAsync("O1-1", n => (SendNotice)ErasedPersonalData.Erase(n), default);

        var kept = Assert.Single(await notices.ListForRegistrationAsync("O1-1", default));
        Assert.Equal((ErasedPersonalData.Erased, Now.AddMinutes(1)), (kept.Notice.To, kept.SentAt));
        Assert.Equal(ErasedPersonalData.Erased, (await notices.GetAsync("O1-1", notice.CommandId, default))!.Document.Notice.To);
    }

    [Fact]
    public async Task UA_Pre_6_an_orders_document_is_replaced_and_its_status_kept()
    {
        var clients = TestStorage.Clients(azurite);
        var orders = new OrderStore<string>(clients);
        var placed = await orders.CreateAsync("cust-1", "O1", "Olena", "placed", default);

        await orders.ReplaceDocumentAsync(placed, ErasedPersonalData.Erased, default);

        var row = await clients.Table("orders").GetEntityAsync<TableEntity>(placed.PartitionKey, placed.RowKey);
        Assert.Equal(("\"erased\"", "placed"), (row.Value.GetString(DocumentTable.DocumentColumn), row.Value.GetString("Status")));
    }

    /// <param name="memoLength">0: a message kept in its row; above <see cref="BankMessageStore.MaxBytesInRow"/>: one kept in a blob.</param>
    [Theory]
    [InlineData(0)]
    [InlineData(BankMessageStore.MaxBytesInRow)]
    public async Task A_bank_messages_body_is_replaced_under_the_same_id_which_still_recognises_the_banks_bytes_UA_Pre_6(int memoLength)
    {
        var messages = new BankMessageStore(TestStorage.Clients(azurite));
        var memo = $"<Memo>{new string('m', memoLength)}</Memo>";
        var original = System.Text.Encoding.UTF8.GetBytes("<Nm>Olena Kvitka</Nm><Amt>6000.00</Amt><Ref>TX-1</Ref>" + memo);
        var recorded = (await messages.RecordAsync(new("halyk", "camt.054"), original, Now, null, default)).Message;
        var replaced = System.Text.Encoding.UTF8.GetBytes("<Nm>erased</Nm><Amt>6000.00</Amt><Ref>TX-1</Ref>" + memo);

        await messages.ReplacePayerDataAsync(recorded, replaced, Now.AddYears(5), default);

        var kept = (await messages.GetAsync(recorded.Document.MessageId, default))!.Document;
        Assert.Equal(replaced, await messages.ReadBodyAsync(kept, default));
        Assert.Equal((Now.AddYears(5), (long)replaced.Length, recorded.Document.BodyBlob), (kept.PayerDataErasedAt, kept.Length, kept.BodyBlob));
        var again = await messages.RecordAsync(new("halyk", "camt.054"), original, Now.AddYears(5), null, default);
        Assert.Equal((false, kept.MessageId), (again.IsFirst, again.Message.Document.MessageId));
    }

    /// <param name="groups">0: a table written before instances shared partitions (each instance's own partition, with the
    /// outbox rows of that time); 16: today's layout, where both instances may share a partition.</param>
    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public async Task UA_Pre_6_every_row_of_a_lifecycle_instance_is_rewritten_and_other_instances_are_left_alone(int groups)
    {
        var options = new LifecycleRuntimeOptions { Name = "erasure" + groups, InstanceGroups = groups };
        var tables = new LifecycleTables<string, string>(TestStorage.Clients(azurite), Options.Create(options));
        var layout = await tables.LayoutAsync(default);
        var commands = JsonSerializer.Serialize(new[] { new LifecycleCommand<string>("O1-1-1", "mail Olena") }, DocumentTable.Json);
        foreach (var instance in new[] { "O1-1", "O2-1" })
        {
            var partition = layout.Partition(instance);
            await tables.InstancesOf(instance).AddEntityAsync(new TableEntity(partition, layout.StateRow(instance))
            { ["State"] = "\"Olena registered\"", ["Version"] = 2L });
            await tables.InstancesOf(instance).AddEntityAsync(new TableEntity(partition, layout.EventRow(instance, "paid"))
            { ["Event"] = "\"paid by Olena\"", ["Commands"] = commands });
            if (!layout.IsGrouped)
                await tables.Instances.AddEntityAsync(new TableEntity(partition, LifecycleInstanceLayout.OutboxRow(instance, 2)) { ["Commands"] = commands });
        }
        static string Erase(string s) => s.Replace("Olena", ErasedPersonalData.Erased, StringComparison.Ordinal);

        await new LifecycleHistoryEraser<string, string, string>(tables, Erase, Erase, Erase).EraseAsync("O1-1", default);

        var erased = await tables.InstancesOf("O1-1").QueryAsync<TableEntity>(layout.InstanceRowsFilter("O1-1")).ToListAsync();
        Assert.Equal(layout.IsGrouped ? 2 : 3, erased.Count);
        Assert.All(erased, row => Assert.DoesNotContain("Olena", string.Join('|', row.Select(c => c.Value))));
        Assert.Contains(erased, row => row.GetString("State") == "\"erased registered\"" && row.GetInt64("Version") == 2);
        var untouched = await tables.InstancesOf("O2-1").QueryAsync<TableEntity>(layout.InstanceRowsFilter("O2-1")).ToListAsync();
        Assert.Equal(layout.IsGrouped ? 2 : 3, untouched.Count);
        Assert.All(untouched, row => Assert.Contains("Olena", string.Join('|', row.Select(c => c.Value))));
    }
}
