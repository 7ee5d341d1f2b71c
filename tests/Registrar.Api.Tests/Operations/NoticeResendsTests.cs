using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Operations;
using Registrar.Api.Security;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Operations;

/// <summary>KZ-2.6 on Azurite: operations send a logged notice again only when it went out, to a registration that still
/// lives and still holds its owner's address; each refusal is a 409 problem that raises nothing and audits nothing. (The
/// 404s for another registration's notice or an unknown registration, and the 400 for a missing reason, are run through
/// the local host in NoticeResendTests.)</summary>
public sealed class NoticeResendsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string RegistrationId = "O0000000000000401-1";
    private const string NoticeId = RegistrationId + "-3";
    private static readonly DateTimeOffset Now = new(2027, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly BankHarness.RecordedEvents _events = new();
    private readonly StorageClients _clients = new(new StorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        NamePrefix = "n" + Guid.NewGuid().ToString("N")[..10],
    }, new StorageMeter());

    private NoticeStore<SendNotice> Notices => new(_clients);

    [Fact]
    public async Task A_notice_that_went_out_is_sent_again_and_audited_but_one_not_sent_yet_is_a_conflict_KZ_2_6()
    {
        await RegistrationAsync(RegistrationPhase.Registered);
        var claimed = await Notices.ClaimAsync(NoticeId, Notice(), Now, default);

        await AssertConflictAsync(await ResendAsync(), "has not gone out yet");

        await Notices.MarkSentAsync(claimed.Record, Now.AddMinutes(1), default);
        var resent = await ResendAsync();

        Assert.Equal(StatusCodes.Status202Accepted, (resent as IStatusCodeHttpResult)?.StatusCode);
        var raised = Assert.IsType<NoticeResendRequested>(Assert.Single(_events.Raised));
        Assert.Equal((NoticeId, NoticeKind.Registered, "ops"), (raised.NoticeId, raised.Kind, raised.RequestedBy));
        Assert.Single(await AuditAsync());
    }

    [Theory]
    [InlineData(RegistrationPhase.Closed)]
    [InlineData(RegistrationPhase.Deleted)]
    [InlineData(RegistrationPhase.TransferredAway)]
    public async Task A_notice_of_a_registration_that_ended_is_a_conflict_KZ_2_6(RegistrationPhase ended)
    {
        await RegistrationAsync(ended);
        await SentNoticeAsync();

        await AssertConflictAsync(await ResendAsync(), $"is {ended}");
    }

    [Fact]
    public async Task While_the_domain_is_being_deleted_the_welcome_notice_and_its_set_password_link_are_not_sent_again_UA_1_3_4_1()
    {
        await RegistrationAsync(RegistrationPhase.Deleting);
        await SentNoticeAsync();

        await AssertConflictAsync(await ResendAsync(), "being deleted");
    }

    [Fact]
    public async Task While_the_domain_is_being_deleted_the_notice_of_its_end_is_sent_again_UA_1_3_4_1()
    {
        await RegistrationAsync(RegistrationPhase.Deleting);
        await SentNoticeAsync(NoticeKind.TerminationNoticed);

        Assert.Equal(StatusCodes.Status202Accepted, ((IStatusCodeHttpResult)await ResendAsync()).StatusCode);
    }

    [Fact]
    public async Task A_notice_whose_address_was_erased_is_a_conflict_naming_the_erasure_UA_Pre_6()
    {
        await RegistrationAsync(RegistrationPhase.Deleted);
        await SentNoticeAsync();
        await Notices.EraseForRegistrationAsync(RegistrationId, n => (SendNotice)ErasedPersonalData.Erase(n), default);

        await AssertConflictAsync(await ResendAsync(), "UA-Pre-6");
    }

    [Fact]
    public async Task A_transfer_code_notice_is_not_sent_again_as_its_code_may_be_replaced_or_no_longer_allowed_KZ_App_9_UA_3_5()
    {
        await RegistrationAsync(RegistrationPhase.Registered);
        await SentNoticeAsync(NoticeKind.TransferCode);

        await AssertConflictAsync(await ResendAsync(), "KZ-App-9, UA-3.5");
    }

    private static SendNotice Notice(NoticeKind kind = NoticeKind.Registered) =>
        new(NoticeId, RegistrationId, kind, "cust-n", "owner@mail.example.kz", "kz", "shop.kz");

    private Task RegistrationAsync(RegistrationPhase phase) => new RegistrationViewStore(_clients).RecordAsync(
        new RegistrationView(RegistrationId, "cust-n", "shop.kz", "shop.kz", "kz", phase, Now.AddYears(1),
            EndedAt: phase == RegistrationPhase.Registered ? null : Now), 1, default);

    private async Task SentNoticeAsync(NoticeKind kind = NoticeKind.Registered)
    {
        var notices = Notices;
        await notices.MarkSentAsync((await notices.ClaimAsync(NoticeId, Notice(kind), Now, default)).Record, Now.AddMinutes(1), default);
    }

    private Task<IResult> ResendAsync()
    {
        var authenticator = new ClientAuthenticator(new StaticOptions(new ApiClientOptions
        {
            Clients = [new ApiClient { Name = "ops", KeySha256 = Convert.ToHexStringLower(SHA256.HashData("ops-key"u8)), Role = ApiClientRole.Operations }],
        }));
        var actions = new RegistrationActions(_events, new AuditLog<RegistrationAudit>(_clients), null!, _clock);
        var resends = new NoticeResends(authenticator, Notices, new RegistrationViewStore(_clients), actions);
        var body = Encoding.UTF8.GetBytes("""{"reason":"The customer says it never arrived."}""");
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        context.Request.Headers[ClientAuthenticator.KeyHeader] = "ops-key";
        return resends.ResendAsync(context.Request, RegistrationId, NoticeId, default);
    }

    /// <summary>A 409 problem saying why, after which nothing was raised to the lifecycle and nothing audited.</summary>
    private async Task AssertConflictAsync(IResult result, string why)
    {
        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status409Conflict, problem.StatusCode);
        Assert.Contains(why, problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Empty(_events.Raised);
        Assert.Empty(await AuditAsync());
    }

    private async Task<List<AuditEntry<RegistrationAudit>>> AuditAsync() =>
        await new AuditLog<RegistrationAudit>(_clients).ReadNewestFirstAsync(RegistrationId, 10, default).ToListAsync();

    private sealed class StaticOptions(ApiClientOptions value) : IOptionsMonitor<ApiClientOptions>
    {
        public ApiClientOptions CurrentValue => value;
        public ApiClientOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ApiClientOptions, string?> listener) => null;
    }
}
