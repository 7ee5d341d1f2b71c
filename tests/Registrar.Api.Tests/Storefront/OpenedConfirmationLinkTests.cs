using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Storefront;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Api.Tests.Storefront;

/// <summary>The request confirmation link opened (GET, HEAD, as mail scanners and link previews do, RFC 9110 §9.2.1): it shows what
/// it would prove, or the refusal its confirmation would get, and spends nothing (KZ-5.3).</summary>
public sealed class OpenedConfirmationLinkTests : ConfirmationLinkHarness
{
    [Fact]
    public async Task A_head_request_answers_as_the_first_use_would_and_leaves_the_link_to_its_reader_KZ_5_3()
    {
        var (handlers, token) = await MailedLinkAsync();

        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.DescribeAsync(Head(token), default)));
        Assert.Equal(CustomerRequestStatus.AwaitingProof, (await _requests.GetAsync("req-1", default))!.Status);
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        Assert.Empty(_events.Raised);

        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.ConfirmAsync(Post(token), default)));
        Assert.Equal(RequestProof.ContactEmail, (await _requests.GetAsync("req-1", default))!.Proof);
    }

    [Fact]
    public async Task Opening_the_link_shows_the_request_and_its_domain_and_spends_nothing_until_its_reader_confirms_RFC_9110_9_2_1_KZ_5_3()
    {
        var (handlers, token) = await MailedLinkAsync();

        var opened = await handlers.DescribeAsync(Get(token), default);
        var openedAgain = await handlers.DescribeAsync(Get(token), default);

        var shown = Assert.IsType<Ok<RequestConfirmationView>>(opened).Value!;
        Assert.Equal(("req-1", "early-deletion", CustomerRequestStatus.AwaitingProof, "shop.kz", "POST"),
            (shown.Request.RequestId, shown.Request.Kind, shown.Request.Status, shown.Domain, shown.ConfirmWith));
        Assert.Equal(shown, Assert.IsType<Ok<RequestConfirmationView>>(openedAgain).Value);
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        Assert.Equal(CustomerRequestStatus.AwaitingProof, (await _requests.GetAsync("req-1", default))!.Status);
        Assert.Empty(_events.Raised);

        var confirmed = await handlers.ConfirmAsync(Post(token), default);

        Assert.Equal(CustomerRequestStatus.Proved, Assert.IsType<Ok<CustomerRequestView>>(confirmed).Value!.Status);
        Assert.Equal(["proved:req-1"], _events.Raised);
        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.DescribeAsync(Get(token), default)));
    }

    [Fact]
    public async Task A_browser_opening_the_link_gets_a_page_whose_button_posts_to_the_same_link_and_only_that_post_proves_the_request_KZ_5_3()
    {
        var (handlers, token) = await MailedLinkAsync();
        const string browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        var page = await ExecuteAsync(await handlers.DescribeAsync(Request(HttpMethods.Get, token, browser), default));

        Assert.Equal((200, "text/html; charset=utf-8"), (page.StatusCode, page.ContentType));
        var html = Text(page);
        Assert.Contains("<form method=\"post\">", html);
        Assert.Contains("shop.kz", html);
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        Assert.Empty(_events.Raised);

        var confirmed = await ExecuteAsync(await handlers.ConfirmAsync(Request(HttpMethods.Post, token, browser), default));

        Assert.Equal((200, "text/html; charset=utf-8"), (confirmed.StatusCode, confirmed.ContentType));
        Assert.Contains("is confirmed", Text(confirmed));
        Assert.Equal(RequestProof.ContactEmail, (await _requests.GetAsync("req-1", default))!.Proof);
        Assert.Equal(["proved:req-1"], _events.Raised);
    }

    [Fact]
    public async Task What_the_link_shows_is_never_stored_by_a_cache_and_varies_with_Accept_RFC_9111_5_2_2_5_RFC_9110_12_5_5()
    {
        var (handlers, token) = await MailedLinkAsync();
        var opened = Get(token);
        var confirmed = Post(token);

        await handlers.DescribeAsync(opened, default);
        await handlers.ConfirmAsync(confirmed, default);

        Assert.All(new[] { opened, confirmed }, request =>
            Assert.Equal(("no-store", "Accept"), (request.HttpContext.Response.Headers.CacheControl.ToString(), request.HttpContext.Response.Headers.Vary.ToString())));
    }

    [Fact]
    public async Task Opening_a_link_whose_confirmation_a_crash_interrupted_offers_to_confirm_it_again_KZ_5_3()
    {
        var (handlers, token) = await MailedLinkAsync();
        await _uses.TryUseAsync("request:req-1", _clock.GetUtcNow(), default);

        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.DescribeAsync(Get(token), default)));
        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.ConfirmAsync(Post(token), default)));
        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.DescribeAsync(Get(token), default)));
    }

    [Fact]
    public async Task Opening_a_link_is_refused_as_confirming_it_would_be_for_a_forged_an_expired_or_a_dispute_blocked_request_KZ_5_3_KZ_App_2()
    {
        var (handlers, token) = await MailedLinkAsync();

        Assert.Equal(StatusCodes.Status400BadRequest, Status(await handlers.DescribeAsync(Get(token[..^2] + "xx"), default)));
        _disputeBlockedSince = _clock.GetUtcNow();
        Assert.Contains("KZ-App-2", Assert.IsType<ProblemHttpResult>(await handlers.DescribeAsync(Get(token), default)).ProblemDetails.Detail);
        _disputeBlockedSince = null;
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(StatusCodes.Status410Gone, Status(await handlers.DescribeAsync(Get(token), default)));
        Assert.Equal(StatusCodes.Status400BadRequest, Status(await handlers.DescribeAsync(Request(HttpMethods.Get, ""), default)));
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
    }

    [Fact]
    public async Task A_head_request_is_refused_as_its_get_would_be_for_a_used_a_forged_or_an_expired_link_KZ_5_3()
    {
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.ConfirmAsync(Post(token), default)));

        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.DescribeAsync(Head(token), default)));
        Assert.Equal(StatusCodes.Status400BadRequest, Status(await handlers.DescribeAsync(Head(token[..^2] + "xx"), default)));
        var unused = Token(links.Create("customer-1", "req-2", _clock.GetUtcNow(), MailedTo));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(StatusCodes.Status410Gone, Status(await handlers.DescribeAsync(Head(unused), default)));
        Assert.False(await _uses.WasUsedAsync("request:req-2", default));
    }

    [Fact]
    public async Task A_head_request_sends_the_header_fields_of_its_get_without_content_or_spending_the_link_RFC_9110_9_3_2()
    {
        var (handlers, token) = await MailedLinkAsync();

        var head = await ExecuteAsync(await handlers.DescribeAsync(Head(token), default));
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        var get = await ExecuteAsync(await handlers.DescribeAsync(Get(token), default));
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));

        Assert.Equal((200, 200), (head.StatusCode, get.StatusCode));
        Assert.Equal(get.ContentType, head.ContentType);
        Assert.StartsWith("application/json", head.ContentType);
        Assert.Equal(0, head.Body.Length);
    }

    [Fact]
    public async Task A_head_request_is_refused_as_its_get_would_be_once_the_registration_ended_KZ_5_3()
    {
        var (handlers, token) = await MailedLinkAsync();
        _phase = RegistrationPhase.Deleted;

        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.DescribeAsync(Head(token), default)));
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
    }
}
