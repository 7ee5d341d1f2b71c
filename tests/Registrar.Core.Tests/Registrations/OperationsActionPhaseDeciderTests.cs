using Registrar.Core.Customers;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Registrations;

/// <summary>An operations action the registration no longer awaits is ignored by its lifecycle: a trademark review raised twice
/// or after the domain was registered (the API refuses it first, but an event raised before the view caught up must change
/// nothing either), a retry of a registration neither stalled nor holding failed commands.</summary>
public sealed class OperationsActionPhaseDeciderTests
{
    private static readonly DateTimeOffset PaidAt = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_trademark_review_after_the_first_one_or_after_registration_changes_nothing_UA_Pre_7()
    {
        var domain = RegisteredDomain.Paid(Order("ua", trademarkRequired: true), PaidAt);
        Assert.Equal(RegistrationPhase.AwaitingTrademarkReview, domain.State.Phase);
        Assert.IsType<CreateDomain>(Assert.Single(domain.Raise(Review("first", approved: true), PaidAt.AddHours(1))));

        Assert.Empty(domain.Raise(Review("second", approved: true), PaidAt.AddHours(2)));
        Assert.Empty(domain.Raise(Review("refused-late", approved: false), PaidAt.AddHours(2)));
        domain.Answer(new DomainCreated(PaidAt.AddYears(1)), PaidAt.AddHours(3));
        var registered = domain.State;

        Assert.Empty(domain.Raise(Review("refused-after", approved: false), PaidAt.AddHours(4)));
        Assert.Equal(registered, domain.State);
        Assert.DoesNotContain(domain.Sent, c => c is SendNotice { Kind: NoticeKind.TrademarkRejected });
    }

    [Fact]
    public void A_trademark_review_of_a_name_that_needs_none_changes_nothing_UA_Pre_7()
    {
        var domain = RegisteredDomain.Paid(Order("com.ua", trademarkRequired: false), PaidAt);
        var creating = domain.State;

        Assert.Empty(domain.Raise(Review("approved", approved: true), PaidAt.AddHours(1)));
        Assert.Empty(domain.Raise(Review("refused", approved: false), PaidAt.AddHours(1)));
        Assert.Equal(creating, domain.State);
    }

    [Fact]
    public void A_retry_of_a_registered_domain_with_nothing_failed_changes_nothing()
    {
        var domain = RegisteredDomain.Expiring("kz", PaidAt.AddYears(1));
        var registered = domain.State;

        Assert.Empty(domain.Raise(new OperationsRetried("retry:1", "ops-1"), PaidAt.AddDays(1)));
        Assert.Equal(registered, domain.State);
    }

    private static TrademarkReviewed Review(string id, bool approved) =>
        new($"trademark:{id}", approved, "ops-1", approved ? null : "word mark differs");

    private static RegistrationOrder Order(string zone, bool trademarkRequired) => new("order-1", "cust-1", $"example.{zone}", $"example.{zone}", zone, 1,
        "owner@example.test", "H-1", null, TechnicalContact.Registrant, trademarkRequired, trademarkRequired ? "UA-123456" : null, "uk");
}
