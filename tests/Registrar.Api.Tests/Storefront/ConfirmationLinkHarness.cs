using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Registrar.Api.Security;
using Registrar.Api.Storefront;
using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Lifecycle;
using Registrar.Core.Notices;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Zones;
using Registrar.Mail;

namespace Registrar.Api.Tests.Storefront;

/// <summary>The request confirmation link's handlers over in-memory stores and a fake clock, as the two test classes use them:
/// one request (req-1, an early deletion of shop.kz by customer-1) and the link mailed for it.</summary>
public abstract class ConfirmationLinkHarness
{
    protected readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    protected readonly Requests _requests = new();
    protected readonly UsedLinks _uses = new();
    protected readonly RaisedEvents _events = new();
    protected static readonly TerminationNotices Terminations = new(new Registrar.Core.Contracts.ContractRules(
        Registrar.Core.Zones.ZoneCatalog.LoadEmbedded(), Registrar.Core.Calendars.BusinessCalendars.LoadEmbedded(),
        new Registrar.Core.Contracts.ContractTermsCatalog(Registrar.Core.Zones.ZoneCatalog.LoadEmbedded())));
    protected RegistrationPhase _phase = RegistrationPhase.Registered;
    protected string _domain = "shop.kz";
    protected DateTimeOffset _expiresAt = new(2028, 3, 1, 9, 0, 0, TimeSpan.Zero);
    protected DateTimeOffset? _disputeBlockedSince;
    protected const string MailedTo = "owner@shop.kz";
    protected readonly ContactAddresses _contact = new() { Current = MailedTo };

    protected sealed class ContactAddresses : IContactAddresses
    {
        public string? Current { get; set; }

        public Task<string?> CurrentAsync(string customerId, CancellationToken ct) => Task.FromResult(Current);
    }

    protected (RequestConfirmationHandlers Handlers, RequestConfirmationLinks Links) Handlers()
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
        var proving = new CustomerRequestProving(views.Object, _events, null!, null!, Terminations,
            new ZoneDeadlines(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded()), _clock);
        return (new RequestConfirmationHandlers(views.Object, _requests, links, proving, _clock), links);
    }

    /// <summary>The request stored, awaiting proof, and the token of the link mailed for it.</summary>
    protected async Task<(RequestConfirmationHandlers Handlers, string Token)> MailedLinkAsync()
    {
        var (handlers, links) = Handlers();
        await _requests.CreateAsync(Request(), default);
        return (handlers, Token(links.Create("customer-1", "req-1", _clock.GetUtcNow(), MailedTo)));
    }

    protected CustomerRequestRecord Request() =>
        new("req-1", "O1-1", "customer-1", new EarlyDeletionRequest(), CustomerRequestStatus.AwaitingProof, _clock.GetUtcNow());

    protected static string Token(string link) => link.Split("token=")[1];

    protected static HttpRequest Get(string token) => Request(HttpMethods.Get, token);

    protected static HttpRequest Post(string token) => Request(HttpMethods.Post, token);

    protected static HttpRequest Head(string token) => Request(HttpMethods.Head, token);

    protected static HttpRequest Request(string method, string token, string? accept = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Headers.Accept = accept;
        context.Request.QueryString = new QueryString("?token=" + Uri.EscapeDataString(token));
        return context.Request;
    }

    protected static int? Status(IResult result) => (result as IStatusCodeHttpResult)?.StatusCode;

    protected static string Text(HttpResponse response) => System.Text.Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray());

    protected static async Task<HttpResponse> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        return context.Response;
    }

    protected sealed class Requests : ICustomerRequestStore
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

        public Task KeepTransferCodeSetByAsync(string requestId, string setBy, CancellationToken ct)
        {
            _records[requestId] = _records[requestId] with { TransferCodeSetBy = setBy };
            return Task.CompletedTask;
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

    protected sealed class UsedLinks : ISingleUseLinkStore
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

    protected sealed class RaisedEvents : ILifecycleEvents<RegistrationEvent>
    {
        public List<string> Raised { get; } = [];

        public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken)
        {
            Raised.Add(eventId);
            return Task.CompletedTask;
        }
    }
}
