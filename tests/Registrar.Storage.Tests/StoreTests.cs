using System.Text;
using Azure.Data.Tables;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class StoreTests(AzuriteFixture azurite)
{
    private sealed record Order(string Domain, decimal Amount);

    private sealed record Account(string Name);

    private sealed record Contact(string Email);

    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_update_from_a_stale_read_is_refused_as_a_concurrency_conflict()
    {
        var orders = new OrderStore<Order>(TestStorage.Clients(azurite));
        await orders.CreateAsync("acc-1", "ord-1", new Order("example.kz", 10m), "new", default);
        var firstReader = (await orders.GetAsync("acc-1", "ord-1", default))!;
        var secondReader = (await orders.GetAsync("acc-1", "ord-1", default))!;

        await orders.UpdateAsync(firstReader, firstReader.Document with { Amount = 12m }, "priced", default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            orders.UpdateAsync(secondReader, secondReader.Document with { Amount = 99m }, "priced", default));
        Assert.Equal(12m, (await orders.GetAsync("acc-1", "ord-1", default))!.Document.Amount);
    }

    [Fact]
    public async Task Creating_an_order_twice_is_refused()
    {
        var orders = new OrderStore<Order>(TestStorage.Clients(azurite));
        await orders.CreateAsync("acc-1", "ord-1", new Order("example.kz", 10m), "new", default);

        await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() =>
            orders.CreateAsync("acc-1", "ord-1", new Order("other.kz", 1m), "new", default));
    }

    [Fact]
    public async Task An_account_and_its_contacts_are_created_all_or_nothing()
    {
        var accounts = new AccountStore<Account, Contact>(TestStorage.Clients(azurite));
        await accounts.AddContactAsync("acc-1", "admin", new Contact("admin@example.kz"), default);

        // The account row and a new contact are fine, but "admin" exists: the whole transaction fails.
        await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => accounts.CreateAsync("acc-1", new Account("Example LLP"),
            new Dictionary<string, Contact> { ["billing"] = new("billing@example.kz"), ["admin"] = new("other@example.kz") }, default));

        Assert.Null(await accounts.GetAccountAsync("acc-1", default));
        Assert.Null(await accounts.GetContactAsync("acc-1", "billing", default));
        Assert.Equal("admin@example.kz", (await accounts.GetContactAsync("acc-1", "admin", default))!.Document.Email);
    }

    [Fact]
    public async Task An_account_is_created_with_its_contacts_in_one_transaction()
    {
        var accounts = new AccountStore<Account, Contact>(TestStorage.Clients(azurite));

        await accounts.CreateAsync("acc-2", new Account("Example LLP"),
            new Dictionary<string, Contact> { ["admin"] = new("a@example.kz"), ["billing"] = new("b@example.kz") }, default);

        Assert.Equal("Example LLP", (await accounts.GetAccountAsync("acc-2", default))!.Document.Name);
        Assert.Equal(["a@example.kz", "b@example.kz"],
            (await accounts.ListContactsAsync("acc-2", default).ToListAsync()).Select(c => c.Document.Email).Order());
    }

    [Fact]
    public async Task A_repeated_bank_credit_is_recorded_once_under_its_reference()
    {
        var payments = new PaymentStore(TestStorage.Clients(azurite));

        var first = await payments.RecordAsync("TX/2027#1", new ReportedMoney(6000.00m, "KZT"), "halyk:first", "camt.054", Now, default);
        var processed = await payments.MarkProcessedAsync(first.Notification, new { Invoice = "INV-1" }, Now.AddSeconds(1), default);
        var repeat = await payments.RecordAsync("TX/2027#1", new ReportedMoney(6000m, "KZT"), "halyk:second", "camt.054", Now.AddMinutes(5), default);

        Assert.True(first.IsFirst);
        Assert.False(repeat.IsFirst);
        Assert.Equal("halyk:first", repeat.Notification.Document.MessageId);
        Assert.True(repeat.Notification.Document.IsProcessed);
        Assert.Equal(processed.ETag, repeat.Notification.ETag);
    }

    [Fact]
    public async Task A_reference_that_comes_again_with_other_money_is_another_credit_kept_under_the_reference_and_its_money_once()
    {
        var payments = new PaymentStore(TestStorage.Clients(azurite));

        var first = await payments.RecordAsync("TX-REUSED", new ReportedMoney(6000m, "KZT"), "halyk:first", "camt.054", Now, default);
        var other = await payments.RecordAsync("TX-REUSED", new ReportedMoney(9000m, "KZT"), "halyk:first", "camt.054", Now, default);
        var otherAgain = await payments.RecordAsync("TX-REUSED", new ReportedMoney(9000.00m, "kzt"), "halyk:second", "camt.054", Now, default);
        var firstAgain = await payments.RecordAsync("TX-REUSED", new ReportedMoney(6000.00m, "KZT"), "halyk:second", "camt.054", Now, default);

        Assert.Equal(("TX-REUSED", true), (first.Notification.Document.BankReference, first.IsFirst));
        Assert.Equal(("TX-REUSED~9000KZT", true), (other.Notification.Document.BankReference, other.IsFirst));
        Assert.Equal(("TX-REUSED~9000KZT", false), (otherAgain.Notification.Document.BankReference, otherAgain.IsFirst));
        Assert.Equal(("TX-REUSED", false), (firstAgain.Notification.Document.BankReference, firstAgain.IsFirst));
    }

    [Fact]
    public async Task A_reference_that_comes_again_with_the_same_money_booked_another_day_or_for_another_purpose_is_another_credit_kept_once_UA_3_2()
    {
        var payments = new PaymentStore(TestStorage.Clients(azurite));
        var money = new ReportedMoney(6000m, "KZT");
        var booked = CreditBooking.Of(Now, "Оплата по счету KZ-2611-00042-7");
        var otherPurpose = CreditBooking.Of(Now, "Оплата по счету KZ-2611-00043-5");
        var otherDay = CreditBooking.Of(Now.AddDays(1), "Оплата по счету KZ-2611-00042-7");

        var first = await payments.RecordAsync("TX-REUSED", money, "halyk:first", "camt.054", Now, default, booking: booked);
        var repeat = await payments.RecordAsync("TX-REUSED", money, "halyk:second", "camt.054", Now, default,
            booking: CreditBooking.Of(Now.AddHours(1), "  Оплата по счету\tKZ-2611-00042-7 "));
        var forAnotherInvoice = await payments.RecordAsync("TX-REUSED", money, "halyk:third", "camt.054", Now, default, booking: otherPurpose);
        var onAnotherDay = await payments.RecordAsync("TX-REUSED", money, "halyk:fourth", "camt.054", Now, default, booking: otherDay);
        var onAnotherDayAgain = await payments.RecordAsync("TX-REUSED", money, "halyk:fifth", "camt.054", Now, default, booking: otherDay);

        Assert.Equal(("TX-REUSED", true), (first.Notification.Document.BankReference, first.IsFirst));
        Assert.Equal(("TX-REUSED", false), (repeat.Notification.Document.BankReference, repeat.IsFirst));
        Assert.Equal(($"TX-REUSED~6000KZT~{otherPurpose.Key}", true), (forAnotherInvoice.Notification.Document.BankReference, forAnotherInvoice.IsFirst));
        Assert.Equal(($"TX-REUSED~6000KZT~{otherDay.Key}", true), (onAnotherDay.Notification.Document.BankReference, onAnotherDay.IsFirst));
        Assert.Equal(($"TX-REUSED~6000KZT~{otherDay.Key}", false), (onAnotherDayAgain.Notification.Document.BankReference, onAnotherDayAgain.IsFirst));
    }

    [Fact]
    public async Task The_credits_of_one_bank_file_recorded_side_by_side_share_transactions_and_each_is_kept_once()
    {
        var meter = new Registrar.Storage.Metering.StorageMeter();
        var clients = TestStorage.Clients(azurite, meter);
        var payments = new PaymentStore(clients);
        var references = Enumerable.Range(1, 24).Select(i => $"TX-FILE-{i}").ToList();
        await payments.GetAsync("TX-NONE", default);
        meter.Reset();

        var recorded = await Task.WhenAll(references.Select(r => payments.RecordAsync(r, new ReportedMoney(6000m, "KZT"), "halyk:file", "camt.054", Now, default)));
        var transactions = meter.Snapshot().GetValueOrDefault("table.batch");
        var again = await Task.WhenAll(references.Select(r => payments.RecordAsync(r, new ReportedMoney(6000m, "KZT"), "halyk:file", "camt.054", Now, default)));

        Assert.All(recorded, r => Assert.True(r.IsFirst));
        Assert.All(again, r => Assert.False(r.IsFirst));
        // Four partitions: one transaction per credit before references shared them.
        Assert.InRange(transactions, 4, 23);
        Assert.InRange(recorded.Select(r => r.Notification.PartitionKey).Distinct().Count(), 2, 4);
        Assert.All(recorded, r => Assert.StartsWith("group-", r.Notification.PartitionKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_credit_an_earlier_version_kept_without_its_money_is_a_repeat_whatever_money_comes_under_its_reference()
    {
        var clients = TestStorage.Clients(azurite);
        var table = clients.Table("payments");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("TX-EARLIER", "TX-EARLIER")
        {
            [DocumentTable.DocumentColumn] = """{"bankReference":"TX-EARLIER","messageId":"halyk:old","contentType":"camt.054","receivedAt":"2026-11-01T10:00:00+00:00","processedAt":"2026-11-01T10:00:01+00:00","outcome":{"result":"applied"}}""",
            ["Processed"] = true,
        });

        var repeat = await new PaymentStore(clients).RecordAsync("TX-EARLIER", new ReportedMoney(9000m, "KZT"), "halyk:new", "camt.054", Now, default);

        Assert.Equal(("TX-EARLIER", false, true), (repeat.Notification.Document.BankReference, repeat.IsFirst, repeat.Notification.Document.IsProcessed));
        Assert.Null(repeat.Notification.Document.Money);
    }

    [Fact]
    public async Task A_single_use_link_is_used_once_and_looking_at_it_records_nothing()
    {
        var uses = new SingleUseLinkStore(TestStorage.Clients(azurite));

        var unusedLooked = await uses.WasUsedAsync("request:req-1", default);
        var first = await uses.TryUseAsync("request:req-1", Now, default);
        var second = await uses.TryUseAsync("request:req-1", Now.AddMinutes(1), default);

        Assert.Equal((false, true, false), (unusedLooked, first, second));
        Assert.True(await uses.WasUsedAsync("request:req-1", default));
        Assert.False(await uses.WasUsedAsync("request:req-2", default));
    }

    [Fact]
    public async Task A_bank_message_larger_than_a_table_property_is_kept_byte_for_byte_once()
    {
        var messages = new BankMessageStore(TestStorage.Clients(azurite));
        // A UTF-8 byte order mark, then far more than the 64 KB a table property holds.
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<x>" + new string('я', 200_000) + "</x>")).ToArray();

        var first = await messages.RecordAsync(new("halyk", "camt.054"), body, Now, null, default);
        var again = await messages.RecordAsync(new("halyk", "camt.054"), body, Now.AddMinutes(1), null, default);
        var processed = await messages.MarkProcessedAsync(first.Message, new { Status = "applied" }, Now.AddSeconds(1), default);

        Assert.True(first.IsFirst);
        Assert.False(again.IsFirst);
        Assert.Equal(first.Message.Document.MessageId, again.Message.Document.MessageId);
        Assert.Equal(body, await messages.ReadBodyAsync(again.Message.Document, default));
        Assert.Null(again.Message.Document.Body);
        Assert.True(processed.Document.IsProcessed);
        Assert.Empty(await messages.ListUnprocessedAsync(default).ToListAsync());
    }

    [Fact]
    public async Task A_message_of_one_credit_is_kept_with_its_outcome_in_its_row_and_no_blob_is_written()
    {
        var clients = TestStorage.Clients(azurite);
        var messages = new BankMessageStore(clients);
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("""{"id":"TX-1","amount":600000,"comment":"Рахунок UA-2611-00042-7"}""")).ToArray();

        var recorded = await messages.RecordAsync(new("monobank", "monobank-json"), body, Now, null, default);
        var again = await messages.RecordAsync(new("monobank", "monobank-json"), body, Now.AddMinutes(1), null, default);
        await messages.MarkProcessedAsync(recorded.Message, new List<string> { "monobank:TX-1 applied to UA-2611-00042-7" }, Now.AddSeconds(1), default);

        var kept = (await messages.GetAsync(recorded.Message.Document.MessageId, default))!.Document;
        Assert.Equal((true, false), (recorded.IsFirst, again.IsFirst));
        Assert.Equal((null, null), (kept.BodyBlob, kept.OutcomeBlob));
        Assert.Equal(body, await messages.ReadBodyAsync(kept, default));
        Assert.Equal(["monobank:TX-1 applied to UA-2611-00042-7"], await messages.ReadOutcomeAsync<List<string>>(kept, default));
        Assert.False(await clients.Container("bankmessages").ExistsAsync());
    }

    [Fact]
    public async Task A_message_recorded_by_an_earlier_version_with_its_body_and_outcome_in_blobs_is_still_read()
    {
        var clients = TestStorage.Clients(azurite);
        var container = clients.Container("bankmessages");
        await container.CreateAsync();
        await container.UploadBlobAsync("halyk/ab12", BinaryData.FromString("<Document/>"));
        await container.UploadBlobAsync("halyk/ab12.outcome.json", BinaryData.FromString("""["halyk:TX-1 applied"]"""));
        var table = clients.Table("bankmessages");
        await table.CreateAsync();
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("halyk:ab12", "halyk:ab12")
        {
            [DocumentTable.DocumentColumn] = """
                {"messageId":"halyk:ab12","bankId":"halyk","format":"camt.054","bodyBlob":"halyk/ab12","length":11,"receivedAt":"2026-11-24T09:00:00+05:00","processedAt":"2026-11-24T09:00:01+05:00","outcomeBlob":"halyk/ab12.outcome.json"}
                """,
            ["Processed"] = true,
        });
        var messages = new BankMessageStore(clients);

        var earlier = (await messages.GetAsync("halyk:ab12", default))!.Document;

        Assert.Equal("<Document/>"u8.ToArray(), await messages.ReadBodyAsync(earlier, default));
        Assert.Equal(["halyk:TX-1 applied"], await messages.ReadOutcomeAsync<List<string>>(earlier, default));
    }

    [Fact]
    public async Task A_signature_is_spent_with_the_message_it_signs_in_one_transaction_and_refused_when_posted_again()
    {
        var meter = new Registrar.Storage.Metering.StorageMeter();
        var messages = new BankMessageStore(TestStorage.Clients(azurite, meter));
        var body = Encoding.UTF8.GetBytes("""{"id":"TX-7","amount":600000}""");
        await messages.RecordAsync(new("halyk", "hmac-json"), Encoding.UTF8.GetBytes("{}"), Now, new SignatureToSpend("1700000000.00", Now.AddMinutes(5)), default);
        meter.Reset();

        var first = await messages.RecordAsync(new("halyk", "hmac-json"), body, Now, new SignatureToSpend("1700000000.aa", Now.AddMinutes(5)), default);
        Assert.Equal(1, meter.Total);
        // The bank's retry, signed afresh, is the duplicate it is; the captured request posted again is a replay.
        var retried = await messages.RecordAsync(new("halyk", "hmac-json"), body, Now.AddMinutes(1), new SignatureToSpend("1700000060.bb", Now.AddMinutes(6)), default);
        var replayed = await messages.RecordAsync(new("halyk", "hmac-json"), body, Now.AddMinutes(1), new SignatureToSpend("1700000000.aa", Now.AddMinutes(5)), default);

        Assert.Equal((true, false), (first.IsFirst, first.Replayed));
        Assert.Equal((false, false), (retried.IsFirst, retried.Replayed));
        Assert.Equal((false, true), (replayed.IsFirst, replayed.Replayed));
        Assert.Equal(first.Message.ETag, replayed.Message.ETag);
        Assert.Equal([first.Message.Document.MessageId, "halyk:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("{}")))],
            (await messages.ListUnprocessedAsync(default).ToListAsync()).Select(m => m.Document.MessageId).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task The_outcome_of_a_file_of_five_thousand_credits_is_kept_although_it_is_larger_than_a_table_property()
    {
        var messages = new BankMessageStore(TestStorage.Clients(azurite));
        var recorded = await messages.RecordAsync(new("halyk", "camt.054"), Encoding.UTF8.GetBytes("<Document/>"), Now, null, default);
        // About 80 characters an entry: 400 K characters, far above the 32 K a table property holds.
        var outcome = Enumerable.Range(0, 5_000).Select(i => $"halyk:TX{i:D8} applied to KZ-2611-{i:D5}-7, registrations O{i:D16}-1").ToList();

        var processed = await messages.MarkProcessedAsync(recorded.Message, outcome, Now.AddSeconds(1), default);

        Assert.True(processed.Document.IsProcessed);
        Assert.Null(processed.Document.Outcome);
        Assert.Equal("<Document/>"u8.ToArray(), recorded.Message.Document.Body);
        Assert.Equal(outcome, await messages.ReadOutcomeAsync<List<string>>(processed.Document, default));
        Assert.Empty(await messages.ListUnprocessedAsync(default).ToListAsync());
    }

    [Fact]
    public async Task A_notice_is_claimed_once_by_its_id()
    {
        var notices = new NoticeStore<string>(TestStorage.Clients(azurite));

        var first = await notices.ClaimAsync("example.kz|renewal|2027-05-01", "reminder", Now, default);
        await notices.MarkSentAsync(first.Record, Now, default);
        var second = await notices.ClaimAsync("example.kz|renewal|2027-05-01", "reminder", Now.AddMinutes(1), default);

        Assert.True(first.IsFirst);
        Assert.False(second.IsFirst);
        Assert.True(second.IsSent);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_gets_the_first_response()
    {
        var keys = new IdempotencyKeyStore(TestStorage.Clients(azurite));

        var first = await keys.ClaimAsync("shop-1", "key-42", "hash-a", Now, default);
        await keys.CompleteAsync(first.Response, 201, "application/json", "{\"orderId\":\"ord-1\"}", null, default);
        var repeat = await keys.ClaimAsync("shop-1", "key-42", "hash-a", Now.AddSeconds(3), default);

        Assert.True(first.IsFirst);
        Assert.False(repeat.IsFirst);
        Assert.Equal(201, repeat.Response.Document.StatusCode);
        Assert.Equal("{\"orderId\":\"ord-1\"}", repeat.Response.Document.Body);
    }

    [Fact]
    public async Task A_released_idempotency_key_is_claimed_afresh_but_a_release_never_drops_an_answer_recorded_since()
    {
        var keys = new IdempotencyKeyStore(TestStorage.Clients(azurite));

        var failed = await keys.ClaimAsync("shop-1", "key-43", "hash-a", Now, default);
        await keys.ReleaseAsync(failed.Response, default);
        var retried = await keys.ClaimAsync("shop-1", "key-43", "hash-a", Now.AddSeconds(1), default);
        await keys.CompleteAsync(retried.Response, 201, "application/json", "{}", null, default);
        await keys.ReleaseAsync(retried.Response, default);

        Assert.True(retried.IsFirst);
        Assert.Equal(201, (await keys.FindAsync("shop-1", "key-43", default))!.Document.StatusCode);
    }

    [Fact]
    public async Task A_price_list_is_recorded_as_published_only_in_place_of_the_one_read_UA_3_3()
    {
        var store = new PublishedPriceListStore(TestStorage.Clients(azurite));
        Assert.Null(await store.FindAsync(default));

        Assert.True(await store.TryPublishAsync("first", null, default));
        var first = (await store.FindAsync(default))!;
        Assert.False(await store.TryPublishAsync("also first", null, default));
        Assert.True(await store.TryPublishAsync("second", first, default));
        Assert.False(await store.TryPublishAsync("second, from the first", first, default));

        Assert.Equal("second", (await store.FindAsync(default))!.Document);
    }

    [Fact]
    public async Task An_update_rewrites_the_document_and_keeps_a_column_it_does_not_write()
    {
        var clients = TestStorage.Clients(azurite);
        var table = new DocumentTable(clients.Table("documents"));
        var added = await table.InsertAsync("kz", "2027", 5500m, new Dictionary<string, object?> { ["EffectiveFrom"] = "2027-01-01" }, default);

        await table.UpdateAsync(added, 6000m, null, default);

        var row = (await clients.Table("documents").GetEntityAsync<TableEntity>(added.PartitionKey, added.RowKey)).Value;
        Assert.Equal("6000", row.GetString(DocumentTable.DocumentColumn));
        Assert.Equal("2027-01-01", row.GetString("EffectiveFrom"));
    }

    [Fact]
    public async Task The_audit_log_reads_a_subject_newest_first()
    {
        var audit = new AuditLog<string>(TestStorage.Clients(azurite));
        await audit.AppendAsync(new AuditEntry<string>("example.kz", Now, "ops", "created", "a"), default);
        await audit.AppendAsync(new AuditEntry<string>("example.kz", Now.AddDays(1), "ops", "renewed", "b"), default);
        await audit.AppendAsync(new AuditEntry<string>("other.kz", Now, "ops", "created", "c"), default);

        var entries = await audit.ReadNewestFirstAsync("example.kz", 10, default).ToListAsync();

        Assert.Equal(["renewed", "created"], entries.Select(e => e.Action));
    }

    [Fact]
    public void Keys_from_outside_values_are_escaped_without_collisions()
    {
        Assert.Equal("TX%2F1%23a%3F%5C%25", TableKeys.Escape("TX/1#a?\\%"));
        Assert.NotEqual(TableKeys.Escape("a/b"), TableKeys.Escape("a%2Fb"));
    }
}
