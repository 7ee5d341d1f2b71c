using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Registrar.Api.Security;
using Registrar.Api.Storefront;
using Registrar.Core.Lifecycle;
using Registrar.Core.Notices;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Mail;

namespace Registrar.Api.Tests.Storefront;

/// <summary>The request confirmation link (KZ-5.3): opening it (GET, HEAD, as mail scanners do) shows what it would prove and
/// spends nothing; its reader's POST proves the request once; a crash between recording its use and proving its request must
/// not leave a spent link on a request nobody can prove any more (confirming again finishes it, once).</summary>
public sealed class ConfirmationLinkTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly Requests _requests = new();
    private readonly UsedLinks _uses = new();
    private readonly RaisedEvents _events = new();
    private static readonly TerminationNotices Terminations = new(new Registrar.Core.Contracts.ContractRules(
        Registrar.Core.Zones.ZoneCatalog.LoadEmbedded(), Registrar.Core.Calendars.BusinessCalendars.LoadEmbedded(),
        new Registrar.Core.Contracts.ContractTermsCatalog(Registrar.Core.Zones.ZoneCatalog.LoadEmbedded())));
    private RegistrationPhase _phase = RegistrationPhase.Registered;
    private string _domain = "shop.kz";
    private DateTimeOffset _expiresAt = new(2028, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private DateTimeOffset? _disputeBlockedSince;
    private const string MailedTo = "owner@shop.kz";
    private readonly ContactAddresses _contact = new() { Current = MailedTo };

    private sealed class ContactAddresses : IContactAddresses
    {
        public string? Current { get; set; }

        public Task<string?> CurrentAsync(string customerId, CancellationToken ct) => Task.FromResult(Current);
    }

    [Fact]
    public async Task A_link_mailed_to_an_address_the_account_has_changed_since_proves_nothing_and_spends_nothing_KZ_5_3_UA_4_7()
    {
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
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
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
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
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));

        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.ConfirmAsync(Post(token), default)));
        var proved = await _requests.GetAsync("req-1", default);
        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.ConfirmAsync(Post(token), default)));

        Assert.Equal(proved, await _requests.GetAsync("req-1", default));
        Assert.Equal(["proved:req-1"], _events.Raised.Distinct());
    }

    [Fact]
    public async Task A_link_followed_again_while_its_first_use_proves_the_request_leaves_that_use_a_link_used_409_KZ_5_3()
    {
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
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
    public async Task A_head_request_answers_as_the_first_use_would_and_leaves_the_link_to_its_reader_KZ_5_3()
    {
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));

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
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));

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
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
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
    public async Task A_link_whose_request_operations_proved_on_papers_meanwhile_is_refused_and_stays_unspent_UA_1_5_8()
    {
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
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
    public async Task What_the_link_shows_is_never_stored_by_a_cache_and_varies_with_Accept_RFC_9111_5_2_2_5_RFC_9110_12_5_5()
    {
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
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
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
        await _uses.TryUseAsync("request:req-1", _clock.GetUtcNow(), default);

        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.DescribeAsync(Get(token), default)));
        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.ConfirmAsync(Post(token), default)));
        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.DescribeAsync(Get(token), default)));
    }

    [Fact]
    public async Task Opening_a_link_is_refused_as_confirming_it_would_be_for_a_forged_an_expired_or_a_dispute_blocked_request_KZ_5_3_KZ_App_2()
    {
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));

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
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));

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
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
        _phase = RegistrationPhase.Deleted;

        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.DescribeAsync(Head(token), default)));
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
    }

    [Fact]
    public async Task A_link_followed_while_a_dispute_decision_blocks_the_domain_is_refused_naming_it_and_stays_unspent_KZ_App_2()
    {
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
        _disputeBlockedSince = _clock.GetUtcNow();

        var refused = await handlers.ConfirmAsync(Post(token), default);

        Assert.Equal(StatusCodes.Status409Conflict, Status(refused));
        Assert.Contains("KZ-App-2", Assert.IsType<ProblemHttpResult>(refused).ProblemDetails.Detail);
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        Assert.Empty(_events.Raised);
        _disputeBlockedSince = null;
        Assert.Equal(StatusCodes.Status200OK, Status(await handlers.ConfirmAsync(Post(token), default)));
    }

    [Fact]
    public async Task A_link_followed_after_its_registration_ended_is_refused_and_stays_unspent_KZ_5_3()
    {
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        var token = Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo));
        _phase = RegistrationPhase.Deleted;

        Assert.Equal(StatusCodes.Status409Conflict, Status(await handlers.ConfirmAsync(Post(token), default)));

        Assert.Equal(CustomerRequestStatus.AwaitingProof, (await _requests.GetAsync("req-1", default))!.Status);
        Assert.False(await _uses.WasUsedAsync("request:req-1", default));
        Assert.Empty(_events.Raised);
    }

    private (RequestConfirmationHandlers Handlers, RequestConfirmationLinks Links) Handlers()
    {
        var options = Options.Create(new NoticeOptions
        {
            SetPasswordSigningKey = Convert.ToBase64String(new byte[32]),
            RequestConfirmationSigningKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()),
        });
        var links = new RequestConfirmationLinks(options, _uses, _clock, _contact);
        var views = new Mock<IRegistrationViews>();
        views.Setup(v => v.GetAsync("customer-1", "O1-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new RegistrationView("O1-1", "customer-1", _domain, _domain, _domain[(_domain.IndexOf('.') + 1)..], _phase, _expiresAt,
                DisputeBlockedSince: _disputeBlockedSince));
        var proving = new CustomerRequestProving(views.Object, _events, null!, null!, Terminations, _clock);
        return (new RequestConfirmationHandlers(views.Object, _requests, links, proving, _clock), links);
    }

    private CustomerRequestRecord Request() =>
        new("req-1", "O1-1", "customer-1", new EarlyDeletionRequest(), CustomerRequestStatus.AwaitingProof, _clock.GetUtcNow());

    private static string Token(string link) => link.Split("token=")[1];

    private static HttpRequest Get(string token) => Request(HttpMethods.Get, token);

    private static HttpRequest Post(string token) => Request(HttpMethods.Post, token);

    private static HttpRequest Head(string token) => Request(HttpMethods.Head, token);

    private static HttpRequest Request(string method, string token, string? accept = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Headers.Accept = accept;
        context.Request.QueryString = new QueryString("?token=" + Uri.EscapeDataString(token));
        return context.Request;
    }

    private static int? Status(IResult result) => (result as IStatusCodeHttpResult)?.StatusCode;

    private static string Text(HttpResponse response) => System.Text.Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray());

    private static async Task<HttpResponse> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        return context.Response;
    }

    private sealed class Requests : ICustomerRequestStore
    {
        private readonly Dictionary<string, CustomerRequestRecord> _records = [];

        public Task<CustomerRequestRecord?> GetAsync(string requestId, CancellationToken ct) => Task.FromResult(_records.GetValueOrDefault(requestId));

        public Task CreateAsync(CustomerRequestRecord request, CancellationToken ct)
        {
            _records.Add(request.RequestId, request);
            return Task.CompletedTask;
        }

        public Task<bool> TryProveAsync(CustomerRequestRecord proved, CancellationToken ct)
        {
            if (_records[proved.RequestId].Status != CustomerRequestStatus.AwaitingProof) return Task.FromResult(false);
            _records[proved.RequestId] = proved;
            return Task.FromResult(true);
        }

        public Task<bool> TryDecideAsync(CustomerRequestRecord decided, CancellationToken ct)
        {
            if (_records[decided.RequestId].Status != CustomerRequestStatus.Proved) return Task.FromResult(false);
            _records[decided.RequestId] = decided;
            return Task.FromResult(true);
        }

        public IAsyncEnumerable<CustomerRequestRecord> ListAwaitingProofAsync(int max, CancellationToken ct) =>
            _records.Values.Where(r => r.Status == CustomerRequestStatus.AwaitingProof).Take(max).ToAsyncEnumerable();

        public IAsyncEnumerable<CustomerRequestRecord> ListAwaitingConsentAsync(int max, CancellationToken ct) =>
            _records.Values.Where(r => r.Status == CustomerRequestStatus.Proved && r.NeedsConsent).Take(max).ToAsyncEnumerable();

        public Task EraseForRegistrationAsync(string registrationId, Func<CustomerRequestRecord, CustomerRequestRecord> erase, CancellationToken ct)
        {
            foreach (var record in _records.Values.Where(r => r.RegistrationId == registrationId).ToList()) _records[record.RequestId] = erase(record);
            return Task.CompletedTask;
        }
    }

    private sealed class UsedLinks : ISingleUseLinkStore
    {
        private readonly HashSet<string> _used = [];

        /// <summary>Runs once, right after a link's first use is recorded: what another request does at that moment.</summary>
        public Func<Task>? AfterFirstUse { get; set; }

        public async Task<bool> TryUseAsync(string linkId, DateTimeOffset usedAt, CancellationToken ct)
        {
            if (!_used.Add(linkId)) return false;
            var rival = AfterFirstUse;
            AfterFirstUse = null;
            if (rival is not null) await rival();
            return true;
        }

        public Task<bool> WasUsedAsync(string linkId, CancellationToken ct) => Task.FromResult(_used.Contains(linkId));
    }

    private sealed class RaisedEvents : ILifecycleEvents<RegistrationEvent>
    {
        public List<string> Raised { get; } = [];

        public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken)
        {
            Raised.Add(eventId);
            return Task.CompletedTask;
        }
    }
}
