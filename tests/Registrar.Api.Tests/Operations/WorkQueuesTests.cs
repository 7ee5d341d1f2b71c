using Microsoft.Extensions.Time.Testing;
using Moq;
using Registrar.Api.Operations;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Storage.Stores;

namespace Registrar.Api.Tests.Operations;

public sealed class WorkQueuesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_proof_queue_leaves_out_requests_the_registration_no_longer_allows_UA_1_5_8_UA_6_1()
    {
        var requests = new Mock<ICustomerRequestStore>();
        requests.Setup(r => r.ListAwaitingProofAsync(It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Returns(new[] { Waiting("req-held", "O1-1"), Waiting("req-ending", "O2-1"), Waiting("req-deleting", "O3-1") }.ToAsyncEnumerable());
        requests.Setup(r => r.ListAwaitingConsentAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<CustomerRequestRecord>());
        var views = new Mock<IRegistrationViews>();
        views.Setup(v => v.GetAsync("cust-1", "O1-1", It.IsAny<CancellationToken>())).ReturnsAsync(View("O1-1", RegistrationPhase.Registered));
        views.Setup(v => v.GetAsync("cust-1", "O2-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(View("O2-1", RegistrationPhase.Registered) with { ContractEnd = new ContractEnd("UA-6.1", Now.AddDays(15)) });
        views.Setup(v => v.GetAsync("cust-1", "O3-1", It.IsAny<CancellationToken>())).ReturnsAsync(View("O3-1", RegistrationPhase.Deleting));
        var directory = new Mock<IRegistrationDirectory>();
        directory.Setup(d => d.ListAsync(It.IsAny<RegistrationFilter>(), null, It.IsAny<int>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RegistrationPage([], null));
        var held = new Mock<IHeldPaymentStore>();
        held.Setup(h => h.ListHeldAsync(It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<Registrar.Core.Operations.HeldPayment>());
        var claims = new Mock<IClaimStore>();
        claims.Setup(c => c.ListOverdueAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Returns(AsyncEnumerable.Empty<Registrar.Core.Contracts.Claim>());

        var queues = await new WorkQueues(directory.Object, held.Object, requests.Object, claims.Object, views.Object, new FakeTimeProvider(Now))
            .ReadAsync(default);

        Assert.Equal(["req-held"], queues.AwaitingProof.Select(r => r.RequestId));
    }

    private static CustomerRequestRecord Waiting(string requestId, string registrationId) =>
        new(requestId, registrationId, "cust-1", new TransferCodeRequest(), CustomerRequestStatus.AwaitingProof, Now.AddDays(-1));

    private static RegistrationView View(string registrationId, RegistrationPhase phase) =>
        new(registrationId, "cust-1", "shop.com.ua", "shop.com.ua", "com.ua", phase, Now.AddYears(1));
}
