using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Storefront;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Api.Tests.Storefront;

/// <summary>The request confirmation link confirmed (KZ-5.3): its reader's POST proves the request once; a crash between recording
/// its use and proving its request must not leave a spent link on a request nobody can prove any more (confirming again finishes
/// it, once); a request the registration no longer takes, or proved otherwise meanwhile, leaves the link unspent.</summary>
public sealed class ConfirmationLinkTests : ConfirmationLinkHarness
{
    [Fact]
    public async Task A_link_mailed_to_an_address_the_account_has_changed_since_proves_nothing_and_spends_nothing_KZ_5_3_UA_4_7()
    {
        var (handlers, token) = await MailedLinkAsync();
        _contact.Current = "new-owner@shop.kz";

        var looked = await handlers.DescribeAsync(Head(token), default);
        var followed = await handlers.ConfirmAsync(Post(token), default);

        Assert.Equal((StatusCodes.Status410Gone, "/problems/link-superseded"),
            (Status(followed), Assert.IsType<ProblemHttpResult>(followed).ProblemDetails.Type));
        Assert.Equal(StatusCodes.Status410Gone, Status(looked));
        Assert.Equal(CustomerRequestStatus.AwaitingProof, (await _requests.GetAsync("req-1", default))!.Status);
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        Assert.Empty(_events.Raised);
    }

    [Fact]
    public async Task A_link_mailed_before_links_named_their_address_still_proves_its_request_once_KZ_5_3()
    {
        var (handlers, _) = Handlers();
        await _requests.CreateAsync(Request(), default);
        // As the links of the previous version were signed: purpose, account, request and expiry, no address.
        var payload = $"request|customer-1|req-1|{_clock.GetUtcNow().AddHours(24).ToUnixTimeSeconds()}";
        var signature = System.Security.Cryptography.HMACSHA256.HashData(Enumerable.Repeat((byte)7, 32).ToArray(), System.Text.Encoding.UTF8.GetBytes(payload));
        var issuedBefore = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload)) + "."
            + System.Buffers.Text.Base64Url.EncodeToString(signature);
        _contact.Current = "new-owner@shop.kz";

        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.ConfirmAsync(Post(issuedBefore), default)));
        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.ConfirmAsync(Post(issuedBefore), default)));
    }

    [Fact]
    public async Task A_link_whose_use_was_recorded_before_a_crash_proves_its_request_when_followed_again_KZ_5_3()
    {
        var (handlers, token) = await MailedLinkAsync();
        await _uses.TryUseAsync("request:req-1", _clock.GetUtcNow(), default);

        var finished = await handlers.ConfirmAsync(Post(token), default);
        var again = await handlers.ConfirmAsync(Post(token), default);

        Assert.Equal(StatusCodes.Status200OK, Status(finished));
        Assert.Equal(RequestProof.ContactEmail, (await _requests.GetAsync("req-1", default))!.Proof);
        Assert.Equal(StatusCodes.Status409Conflict, Status(again));
        Assert.All(_events.Raised, e => Assert.Equal("proved:req-1", e));
        Assert.NotEmpty(_events.Raised);
    }

    [Fact]
    public async Task A_link_used_once_to_the_end_changes_nothing_when_followed_again_KZ_5_3()
    {
        var (handlers, token) = await MailedLinkAsync();

        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.ConfirmAsync(Post(token), default)));
        var proved = await _requests.GetAsync("req-1", default);
        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.ConfirmAsync(Post(token), default)));

        Assert.Equal(proved, await _requests.GetAsync("req-1", default));
        Assert.Equal(["proved:req-1"], _events.Raised.Distinct());
    }

    [Fact]
    public async Task A_link_followed_again_while_its_first_use_proves_the_request_leaves_that_use_a_link_used_409_KZ_5_3()
    {
        var (handlers, token) = await MailedLinkAsync();
        // The second follow runs between the first's recording the link's use and proving the request: it finishes the proof.
        IResult? second = null;
        _uses.AfterFirstUse = async () => second = await handlers.ConfirmAsync(Post(token), default);

        var first = await handlers.ConfirmAsync(Post(token), default);

        Assert.Equal(StatusCodes.Status200OK, Status(second!));
        var problem = Assert.IsType<ProblemHttpResult>(first);
        Assert.Equal((StatusCodes.Status409Conflict, "/problems/link-used"), (problem.StatusCode, problem.ProblemDetails.Type));
        Assert.Equal(["proved:req-1"], _events.Raised);
    }

    [Fact]
    public async Task A_link_whose_request_operations_proved_on_papers_meanwhile_is_refused_and_stays_unspent_UA_1_5_8()
    {
        var (handlers, token) = await MailedLinkAsync();
        await _requests.TryProveAsync(Request().Proved(RequestProof.IdentityDocuments, _clock.GetUtcNow(), "operations", "passport checked"), default);

        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.DescribeAsync(Get(token), default)));
        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.ConfirmAsync(Post(token), default)));

        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        Assert.Equal(RequestProof.IdentityDocuments, (await _requests.GetAsync("req-1", default))!.Proof);
        Assert.Empty(_events.Raised);
    }

    [Fact]
    public async Task A_termination_notice_is_given_when_its_link_is_confirmed_so_a_day_late_it_no_longer_gives_15_days_and_stays_unspent_UA_6_1()
    {
        var (handlers, links) = Handlers();
        _domain = "shop.com.ua";
        // Asked on 1 March 2027 (11:00 in Kyiv) to end on 16 March, the first day 15 days' notice allows.
        var notice = new TerminationRequest(new DateTimeOffset(2027, 3, 16, 22, 0, 0, TimeSpan.Zero), "UA-6.1", _expiresAt);
        await _requests.CreateAsync(new CustomerRequestRecord("req-1", "O1-1", "customer-1", notice, CustomerRequestStatus.AwaitingProof, _clock.GetUtcNow()), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
        _clock.Advance(TimeSpan.FromHours(14));

        var refused = await handlers.ConfirmAsync(Post(token), default);

        Assert.Equal(StatusCodes.Status409Conflict, Status(refused));
        Assert.Contains("from 2027-03-17", Assert.IsType<ProblemHttpResult>(refused).ProblemDetails.Detail);
        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.DescribeAsync(Get(token), default)));
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        Assert.Empty(_events.Raised);
    }

    [Fact]
    public async Task A_link_followed_while_a_dispute_decision_blocks_the_domain_is_refused_naming_it_and_stays_unspent_KZ_App_2()
    {
        var (handlers, token) = await MailedLinkAsync();
        _disputeBlockedSince = _clock.GetUtcNow();

        var refused = await handlers.ConfirmAsync(Post(token), default);

        Assert.Equal(StatusCodes.Status409Conflict, Status(refused));
        var problem = Assert.IsType<ProblemHttpResult>(refused).ProblemDetails;
        Assert.Equal("KZ-App-2", problem.Extensions["rule"]);
        Assert.Contains("(KZ-App-2)", problem.Detail);
        Assert.DoesNotContain("UA-2.2.3", problem.Detail);
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        Assert.Empty(_events.Raised);
        _disputeBlockedSince = null;
        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.ConfirmAsync(Post(token), default)));
    }

    [Fact]
    public async Task A_link_followed_after_its_registration_ended_is_refused_and_stays_unspent_KZ_5_3()
    {
        var (handlers, token) = await MailedLinkAsync();
        _phase = RegistrationPhase.Deleted;

        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.ConfirmAsync(Post(token), default)));

        Assert.Equal(CustomerRequestStatus.AwaitingProof, (await _requests.GetAsync("req-1", default))!.Status);
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        Assert.Empty(_events.Raised);
    }
}
