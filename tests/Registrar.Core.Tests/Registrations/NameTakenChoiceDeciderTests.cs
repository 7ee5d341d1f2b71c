using Registrar.Core.Customers;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Registrations;

public sealed class NameTakenChoiceDeciderTests
{
    private static readonly DateTimeOffset PaidAt = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(5));

    private static RegisteredDomain Paid(string zone) => RegisteredDomain.Paid(new RegistrationOrder("order-1", "cust-1", $"race.{zone}",
        $"race.{zone}", zone, 1, "owner@example.test", "H-1", null, TechnicalContact.Registrant, false, null, "en"), PaidAt);

    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public void A_customer_who_chooses_another_name_has_the_paid_money_held_for_the_new_order_KZ_2_1(string zone)
    {
        var domain = Paid(zone);
        // Before the name was taken there is nothing to choose: the registration goes on and nothing is held.
        Assert.Empty(domain.Raise(new CustomerChoseAfterNameTaken("choice:0", CustomerChoice.AnotherName), PaidAt.AddMinutes(1)));
        Assert.Equal(RegistrationPhase.CreatingDomain, domain.State.Phase);
        domain.Answer(new NameTaken(), PaidAt.AddHours(1));

        var commands = domain.Raise(new CustomerChoseAfterNameTaken("choice:1", CustomerChoice.AnotherName), PaidAt.AddDays(1));

        var hold = Assert.IsType<HoldPaymentForAnotherName>(Assert.Single(commands));
        Assert.Equal(("reg-1", "cust-1", "order-1"), (hold.RegistrationId, hold.CustomerId, hold.OrderId));
        Assert.Equal("name-taken:reg-1", HoldPaymentForAnotherName.ReferenceFor(hold.RegistrationId));
        Assert.Equal(RegistrationPhase.Closed, domain.State.Phase);
        Assert.True(domain.IsTerminal);
    }

    [Fact]
    public void A_repeated_choice_holds_the_money_once_and_the_first_choice_stands_KZ_2_1()
    {
        var domain = Paid("kz");
        domain.Answer(new NameTaken(), PaidAt.AddHours(1));
        domain.Raise(new CustomerChoseAfterNameTaken("choice:1", CustomerChoice.AnotherName), PaidAt.AddDays(1));

        Assert.Empty(domain.Raise(new CustomerChoseAfterNameTaken("choice:2", CustomerChoice.AnotherName), PaidAt.AddDays(1)));
        Assert.Empty(domain.Raise(new CustomerChoseAfterNameTaken("choice:3", CustomerChoice.Refund), PaidAt.AddDays(1)));
        Assert.Single(domain.Sent.OfType<HoldPaymentForAnotherName>());
        Assert.DoesNotContain(domain.Sent, c => c is FlagForOperations { Reason: var reason } && reason.Contains("refund"));
    }

    [Fact]
    public void A_name_held_through_this_registrar_by_another_registration_is_told_as_such_and_the_refund_offered_KZ_2_1()
    {
        // The customer's own earlier order, its invoice paid late but booked in time (KZ-3.5), holds the name this order paid for too.
        var domain = Paid("kz");
        domain.Answer(new NameTaken(), PaidAt.AddMinutes(1));
        var ours = Paid("kz");
        var commands = ours.Answer(new DomainInfo(true, true, "H-1", PaidAt.AddYears(1), ["ok"], PaidAt.AddDays(-3)), PaidAt.AddMinutes(1));

        Assert.Equal(RegistrationPhase.NameTaken, ours.State.Phase);
        Assert.True(Assert.Single(ours.Notices(NoticeKind.NameTaken)).Facts!.TakenHere);
        Assert.Contains("paid for the name twice", Assert.Single(commands.OfType<FlagForOperations>()).Reason);
        Assert.Null(Assert.Single(domain.Notices(NoticeKind.NameTaken)).Facts);
    }
}
