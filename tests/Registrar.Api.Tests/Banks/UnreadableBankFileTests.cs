using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Core.Orders;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>An authentic bank file this registrar cannot read yet: refused with a problem, and still kept (money is never lost).</summary>
public sealed class UnreadableBankFileTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_camt054_version_not_read_yet_is_a_problem_and_the_file_is_still_recorded_and_held_for_operations_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(501);
        var body = InVersion14(CamtFiles.Credit("TX-V14-1", order.InvoiceNumber));

        var answer = await bank.PostCamtAsync(body);

        var problem = Assert.IsType<ProblemHttpResult>(answer);
        Assert.Equal((StatusCodes.Status400BadRequest, "UnsupportedVersion"), (problem.StatusCode, problem.ProblemDetails.Extensions["reason"]));
        Assert.Contains("camt.054.001.14", problem.ProblemDetails.Detail);
        var recorded = await bank.Messages.GetAsync(MessageId(body), default);
        Assert.Equal(body, await bank.Messages.ReadBodyAsync(recorded!.Document, default));
        var held = Assert.Single(await bank.OpenReviewAsync());
        Assert.Equal((MessageId(body), "UnreadableUnsupportedVersion"), (held.Subject, held.Reason));
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Fact]
    public async Task The_banks_retry_of_a_file_it_was_refused_is_refused_alike_never_as_a_replay_and_held_once_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var body = InVersion14(CamtFiles.Credit("TX-V14-2", BankHarness.InvoiceNumberFor(502)));
        var signature = bank.Sign(body);

        await bank.PostCamtAsync(body, signature);
        var sameSignature = await bank.PostCamtAsync(body, signature);
        var newSignature = await bank.PostCamtAsync(body);

        Assert.All([sameSignature, newSignature], answer => Assert.Equal(StatusCodes.Status400BadRequest, Assert.IsType<ProblemHttpResult>(answer).StatusCode));
        Assert.Single(await bank.OpenReviewAsync());
    }

    [Fact]
    public async Task A_camt053_statement_posted_as_a_notification_is_a_problem_naming_the_message_and_is_still_recorded_and_held_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(CamtFiles.Utf8(CamtFiles.Credit("TX-STMT-1", BankHarness.InvoiceNumberFor(503))))
            .Replace("camt.054.001.08", "camt.053.001.08").Replace("BkToCstmrDbtCdtNtfctn", "BkToCstmrStmt").Replace("Ntfctn>", "Stmt>"));

        var problem = Assert.IsType<ProblemHttpResult>(await bank.PostCamtAsync(body));

        Assert.Equal((StatusCodes.Status400BadRequest, "UnsupportedMessage"), (problem.StatusCode, problem.ProblemDetails.Extensions["reason"]));
        Assert.Contains("camt.053.001.08", problem.ProblemDetails.Detail);
        Assert.NotNull(await bank.Messages.GetAsync(MessageId(body), default));
        Assert.Equal("UnreadableUnsupportedMessage", Assert.Single(await bank.OpenReviewAsync()).Reason);
    }

    [Fact]
    public async Task An_unreadable_file_is_read_again_by_the_recovery_pass_until_operations_resolve_its_item_and_is_then_done_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var body = InVersion14(CamtFiles.Credit("TX-V14-3", BankHarness.InvoiceNumberFor(508)));
        await bank.PostCamtAsync(body);
        bank.Clock.Advance(TimeSpan.FromMinutes(3));

        await bank.Recovery.RecoverAsync(default);
        var waiting = (await bank.Messages.GetAsync(MessageId(body), default))!.Document;
        var item = Assert.Single(await bank.OpenReviewAsync());
        await bank.Review.ResolveAsync(item.Id, "ops", "Credit TX-V14-3 read by hand", bank.Clock.GetUtcNow(), default);
        await bank.Recovery.RecoverAsync(default);

        Assert.False(waiting.IsProcessed);
        var done = (await bank.Messages.GetAsync(MessageId(body), default))!.Document;
        Assert.True(done.IsProcessed);
        Assert.Contains("Credit TX-V14-3 read by hand", Assert.Single((await bank.Messages.ReadOutcomeAsync<BankNotificationReceipt>(done, default)).Ignored));
        Assert.Empty(await bank.Messages.ListUnprocessedAsync(default).ToListAsync());
    }

    /// <summary>Bank exports get these wrong: UTF-16 declared over UTF-8 bytes, a stray element after the document, a DOCTYPE (never
    /// parsed, so still refused), a file cut short. The bank is told why; its money is not lost with the file.</summary>
    [Theory]
    [InlineData("declared-utf16", "Malformed")]
    [InlineData("content-after-root", "Malformed")]
    [InlineData("doctype", "DtdForbidden")]
    [InlineData("cut-short", "Malformed")]
    public async Task An_authentic_file_that_cannot_be_parsed_is_a_problem_and_is_kept_as_sent_and_held_for_operations_once_UA_3_2(string fault, string reason)
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(505);
        var body = Broken(CamtFiles.Credit("TX-BROKEN-1", order.InvoiceNumber), fault);

        var answers = new[] { await bank.PostCamtAsync(body), await bank.PostCamtAsync(body) };

        Assert.All(answers, answer =>
        {
            var problem = Assert.IsType<ProblemHttpResult>(answer);
            Assert.Equal((StatusCodes.Status400BadRequest, reason), (problem.StatusCode, problem.ProblemDetails.Extensions["reason"]));
        });
        var recorded = await bank.Messages.GetAsync(MessageId(body), default);
        Assert.Equal(body, await bank.Messages.ReadBodyAsync(recorded!.Document, default));
        var held = Assert.Single(await bank.OpenReviewAsync());
        Assert.Equal((MessageId(body), "Unreadable" + reason), (held.Subject, held.Reason));
        Assert.Contains("kept as it was sent", held.Explanation);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Fact]
    public async Task An_authentic_JSON_notification_refused_for_what_it_holds_is_a_problem_and_is_kept_and_held_for_operations_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var body = Encoding.UTF8.GetBytes($$"""
            {"transactionReference":"TX-JSON-1","amount":"6000.00","currency":"KZT","bookedAt":"2026-11-24T10:30:00+05:00",
             "paymentPurpose":"Оплата по счету {{BankHarness.InvoiceNumberFor(507)}}","payerIban":"KZ86125KZT5004100100"}
            """);

        var problem = Assert.IsType<ProblemHttpResult>(await bank.PostJsonAsync(body));

        Assert.Equal((StatusCodes.Status400BadRequest, "UnknownField"), (problem.StatusCode, problem.ProblemDetails.Extensions["reason"]));
        Assert.NotNull(await bank.Messages.GetAsync(MessageId(body), default));
        Assert.Equal("UnreadableUnknownField", Assert.Single(await bank.OpenReviewAsync()).Reason);
    }

    [Fact]
    public async Task A_file_that_cannot_be_parsed_and_is_not_the_banks_own_is_refused_and_kept_nowhere_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var body = Broken(CamtFiles.Credit("TX-BROKEN-2", BankHarness.InvoiceNumberFor(506)), "cut-short");

        var answer = await bank.PostCamtAsync(body, "t=1,v1=00");

        Assert.Equal(StatusCodes.Status401Unauthorized, Assert.IsAssignableFrom<IStatusCodeHttpResult>(answer).StatusCode);
        Assert.Null(await bank.Messages.GetAsync(MessageId(body), default));
        Assert.Empty(await bank.OpenReviewAsync());
    }

    [Fact]
    public void A_recorded_file_of_a_bank_no_longer_configured_is_held_not_read_in_another_time_zone_KZ_3_5_UA_3_4()
    {
        var bank = new BankHarness(azurite);
        var body = CamtFiles.Utf8(CamtFiles.Credit("TX-GONE-1", BankHarness.InvoiceNumberFor(504), booking: "<DtTm>2026-11-24T23:30:00</DtTm>"));
        var recorded = new BankMessage(MessageId(body), "bank-since-removed", BankNotificationFormats.Camt054, null, body.Length, BankHarness.Issued, null, null);

        var read = bank.Reader.Read(recorded, body);

        Assert.Empty(read.Credits);
        Assert.Equal(NotificationRejectionReason.UnknownBank, read.Rejection?.Reason);
        // Its own bank's file reads the same local time in Almaty, five hours before the instant UTC would make of it.
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.FromHours(5)),
            Assert.Single(bank.Reader.Read(recorded with { BankId = BankHarness.Bank }, body).Credits).BookedAt);
    }

    private static byte[] Broken(string entry, string fault)
    {
        var xml = Encoding.UTF8.GetString(CamtFiles.Utf8(entry));
        return Encoding.UTF8.GetBytes(fault switch
        {
            "declared-utf16" => xml.Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\""),
            "content-after-root" => xml + "<Trailer/>",
            "doctype" => xml.Replace("<Document ", "<!DOCTYPE Document><Document "),
            "cut-short" => xml[..xml.LastIndexOf("</Ntfctn>", StringComparison.Ordinal)],
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        });
    }

    private static byte[] InVersion14(string entry) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(CamtFiles.Utf8(entry)).Replace("camt.054.001.08", "camt.054.001.14"));

    private static string MessageId(byte[] body) => $"{BankHarness.Bank}:{Convert.ToHexStringLower(SHA256.HashData(body))}";
}
