using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Registrar.Api.Operations;
using Registrar.Api.Storefront;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Zones;
using Registrar.Mail;
using Registrar.Storage.Stores;

namespace Registrar.Api.Tests.Operations;

public sealed class WorkQueuesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_proof_queue_leaves_out_requests_the_registration_no_longer_allows_UA_1_5_8_UA_6_1()
    {
        var queues = await ReadAsync(Waiting("req-held", "O1-1"), Waiting("req-ending", "O2-1"), Waiting("req-deleting", "O3-1"));

        Assert.Equal(["req-held"], queues.AwaitingProof.Select(r => r.RequestId));
    }

    [Fact]
    public async Task The_proof_queue_leaves_out_what_nobody_can_prove_any_more_a_request_whose_link_expired_and_papers_do_not_prove_and_a_notice_too_late_UA_1_5_8_UA_6_1()
    {
        var dns = new DnsChangeRequest(["ns1.example.net", "ns2.example.net"]);

        var queues = await ReadAsync(
            Waiting("req-dns-link-live", "O1-1", dns, Now.AddHours(-23)),
            Waiting("req-dns-link-expired", "O1-1", dns, Now.AddHours(-25)),
            Waiting("req-code-on-papers", "O1-1", new TransferCodeRequest(), Now.AddDays(-30)),
            Waiting("req-notice-in-time", "O1-1", new TerminationRequest(KyivMidnight(21), "UA-6.1"), Now.AddDays(-30)),
            Waiting("req-notice-too-late", "O1-1", new TerminationRequest(KyivMidnight(7), "UA-6.1"), Now.AddDays(-30)));

        Assert.Equal(["req-code-on-papers", "req-notice-in-time", "req-dns-link-live"], queues.AwaitingProof.Select(r => r.RequestId));
    }

    /// <summary>A notice dated the day before ends the contract at the end of that day in Kyiv (UA-6.1).</summary>
    private static DateTimeOffset KyivMidnight(int dayOfMarch) => new(2027, 3, dayOfMarch, 0, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task The_consent_queue_leaves_out_changes_of_registrations_that_ended_UA_4_7()
    {
        var change = new ContactEmailChangeRequest("new@example.test");

        var queues = await ReadAsync([], [Proved("req-held", "O1-1", change), Proved("req-deleting", "O3-1", change), Proved("req-ended", "O4-1", change)]);

        Assert.Equal(["req-held", "req-deleting"], queues.AwaitingConsent.Select(r => r.RequestId));
    }

    private static CustomerRequestRecord Proved(string requestId, string registrationId, CustomerRequest request) =>
        new(requestId, registrationId, "cust-1", request, CustomerRequestStatus.Proved, Now.AddDays(-1));

    private static Task<WorkQueuesView> ReadAsync(params CustomerRequestRecord[] waiting) => ReadAsync(waiting, []);

    private static async Task<WorkQueuesView> ReadAsync(CustomerRequestRecord[] waiting, CustomerRequestRecord[] consenting)
    {
        var requests = new Mock<ICustomerRequestStore>();
        requests.Setup(r => r.ListAwaitingProofAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).Returns(waiting.ToAsyncEnumerable());
        requests.Setup(r => r.ListAwaitingConsentAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).Returns(consenting.ToAsyncEnumerable());
        var views = new Mock<IRegistrationViews>();
        views.Setup(v => v.GetAsync("cust-1", "O1-1", It.IsAny<CancellationToken>())).ReturnsAsync(View("O1-1", RegistrationPhase.Registered));
        views.Setup(v => v.GetAsync("cust-1", "O2-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(View("O2-1", RegistrationPhase.Registered) with { ContractEnd = new ContractEnd("UA-6.1", Now.AddDays(15)) });
        views.Setup(v => v.GetAsync("cust-1", "O3-1", It.IsAny<CancellationToken>())).ReturnsAsync(View("O3-1", RegistrationPhase.Deleting));
        views.Setup(v => v.GetAsync("cust-1", "O4-1", It.IsAny<CancellationToken>())).ReturnsAsync(View("O4-1", RegistrationPhase.Deleted));
        var directory = new Mock<IRegistrationDirectory>();
        directory.Setup(d => d.ListAsync(It.IsAny<RegistrationFilter>(), null, It.IsAny<int>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RegistrationPage([], null));
        var held = new Mock<IHeldPaymentStore>();
        held.Setup(h => h.ListHeldAsync(It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<Registrar.Core.Operations.HeldPayment>());
        var claims = new Mock<IClaimStore>();
        claims.Setup(c => c.ListOverdueAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Returns(AsyncEnumerable.Empty<Registrar.Core.Contracts.Claim>());

        var zones = ZoneCatalog.LoadEmbedded();
        var terminations = new TerminationNotices(new ContractRules(zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(zones)));
        return await new WorkQueues(directory.Object, held.Object, requests.Object, claims.Object, views.Object, terminations,
            Options.Create(new NoticeOptions()), new ZoneDeadlines(zones, BusinessCalendars.LoadEmbedded()), new FakeTimeProvider(Now)).ReadAsync(default);
    }

    private static CustomerRequestRecord Waiting(string requestId, string registrationId, CustomerRequest? request = null, DateTimeOffset? madeAt = null) =>
        new(requestId, registrationId, "cust-1", request ?? new TransferCodeRequest(), CustomerRequestStatus.AwaitingProof, madeAt ?? Now.AddDays(-1));

    private static RegistrationView View(string registrationId, RegistrationPhase phase) =>
        new(registrationId, "cust-1", "shop.com.ua", "shop.com.ua", "com.ua", phase, Now.AddYears(1));
}
