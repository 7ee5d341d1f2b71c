using Registrar.Orchestration.Lifecycle;

namespace Registrar.Orchestration.Tests;

public class RegistrationInstanceIdTests
{
    [Fact]
    public void The_instance_id_is_derived_from_the_registration_id_and_back()
    {
        Assert.Equal("registration-kz-000123", RegistrationInstanceId.For("kz-000123"));
        Assert.Equal("kz-000123", RegistrationInstanceId.ToRegistrationId(RegistrationInstanceId.For("kz-000123")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    public void A_registration_id_an_instance_id_cannot_hold_is_refused_with_a_reason(string registrationId)
    {
        var refused = Assert.Throws<ArgumentException>(() => RegistrationInstanceId.For(registrationId));
        Assert.Contains("registration id", refused.Message);
    }

    [Fact]
    public void An_overlong_registration_id_is_refused()
    {
        var refused = Assert.Throws<ArgumentException>(() => RegistrationInstanceId.For(new string('x', 65)));
        Assert.Contains("1 to 64", refused.Message);
    }

    [Theory]
    [InlineData("order-5")]
    [InlineData("registration-")]
    public void An_instance_id_that_is_not_a_registrations_is_refused(string instanceId)
    {
        var refused = Assert.Throws<ArgumentException>(() => RegistrationInstanceId.ToRegistrationId(instanceId));
        Assert.Contains("is not a registration's orchestration instance id", refused.Message);
    }
}

public class LifecycleLoopOptionsTests
{
    [Fact]
    public void A_generation_must_apply_at_least_one_event()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new LifecycleLoop<object, object, object>(new LifecycleLoopOptions { EventsPerGeneration = 0 }, _ => []));
        Assert.Contains("at least one event", refused.Message);
    }
}
