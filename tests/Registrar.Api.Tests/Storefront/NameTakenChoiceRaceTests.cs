using Moq;
using Registrar.Api.Billing;
using Registrar.Api.Operations;
using Registrar.Api.Storefront;
using Registrar.Api.Tests.Banks;
using Registrar.Api.Tests.Retries;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;
using Registrar.Testing;
using static Registrar.Api.Tests.Retries.RetryHarness;

namespace Registrar.Api.Tests.Storefront;

/// <summary>POST /api/registrations/{id}/choice on Azurite (KZ-2.1): choices made while the registration's view still says
/// NameTaken (the lifecycle writes the view after deciding) are claimed, and only the first claimed is carried out. Another
/// choice is a 409 naming it, so no answer describes an outcome that does not happen; the same choice again is told what happens.</summary>
[Collection(RetryStorageCollection.Name)]
public sealed class NameTakenChoiceRaceTests
{
    private const string RegistrationId = "O0000000000000501-1";

    private readonly BankHarness.RecordedEvents _events = new();
    private readonly NameTakenChoiceHandler _handler;

    public NameTakenChoiceRaceTests(AzuriteFixture azurite)
    {
        var views = new Mock<IRegistrationViews>();
        views.Setup(v => v.GetAsync("cust-1", RegistrationId, It.IsAny<CancellationToken>())).ReturnsAsync(
            new RegistrationView(RegistrationId, "cust-1", "taken.kz", "taken.kz", "kz", RegistrationPhase.NameTaken, null));
        // No order to read: nothing was paid to have been refunded (KZ-2.1), which this test does not look at.
        var nothingPaid = new PaidTermsReader(Mock.Of<IOrderStore<Order>>(), Mock.Of<IInvoiceStore<Invoice>>(), null!);
        _handler = new NameTakenChoiceHandler(Authenticator(), views.Object, _events, new RegistrationDecisionClaimStore(new RetryHarness(azurite).Storage),
            nothingPaid, Mock.Of<IRefundLedger>(), new NameTakenHolds(Mock.Of<IRefundLedger>(), TimeProvider.System));
    }

    [Fact]
    public async Task A_refund_chosen_after_another_name_was_chosen_but_before_the_lifecycle_closed_the_registration_is_a_409_KZ_2_1()
    {
        var anotherName = await ReadAsync(await ChooseAsync(CustomerChoice.AnotherName));
        var refund = await ReadAsync(await ChooseAsync(CustomerChoice.Refund));

        Assert.Equal(202, anotherName.Status);
        Assert.Equal((409, "/problems/conflict"), (refund.Status, refund.Body.GetProperty("type").GetString()));
        Assert.Contains("AnotherName", refund.Body.GetProperty("detail").GetString());
        var raised = Assert.IsType<CustomerChoseAfterNameTaken>(Assert.Single(_events.Raised.DistinctBy(e => e.EventId)));
        Assert.Equal(CustomerChoice.AnotherName, raised.Choice);
    }

    [Fact]
    public async Task The_same_choice_made_again_at_that_moment_is_told_what_happens_and_carries_out_nothing_more_KZ_2_1()
    {
        var first = await ReadAsync(await ChooseAsync(CustomerChoice.AnotherName));
        var again = await ReadAsync(await ChooseAsync(CustomerChoice.AnotherName));

        Assert.Equal((202, 202), (first.Status, again.Status));
        Assert.Equal(first.Body.GetProperty("heldPayment").GetString(), again.Body.GetProperty("heldPayment").GetString());
        Assert.Single(_events.Raised.DistinctBy(e => e.EventId));
    }

    private Task<Microsoft.AspNetCore.Http.IResult> ChooseAsync(CustomerChoice choice) => _handler.HandleAsync(
        Post($"/api/registrations/{RegistrationId}/choice", new { choice = choice.ToString() }, null, StorefrontKey, "cust-1"), RegistrationId, default);
}
