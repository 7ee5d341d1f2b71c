using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Registrations;

public sealed class RegistrationIdsTests
{
    [Theory]
    [InlineData("O0123456789abcdef-1", true)]
    [InlineData("O0123456789abcdef-50", true)]
    [InlineData("", false)]
    [InlineData("O1-1\r\nX-Injected: 1", false)]
    [InlineData("O1-1/../x", false)]
    [InlineData("O1-1?x", false)]
    [InlineData("O1-1#x", false)]
    [InlineData("O1\\1", false)]
    [InlineData("пример-1", false)]
    [InlineData("O1 1", false)]
    public void A_route_id_names_a_registration_only_when_it_has_the_form_registration_ids_are_made_in(string id, bool wellFormed)
    {
        Assert.Equal(wellFormed, RegistrationIds.IsWellFormed(id));
    }

    [Fact]
    public void Ids_longer_than_any_registration_id_are_refused()
    {
        Assert.True(RegistrationIds.IsWellFormed(new string('a', RegistrationIds.MaxLength)));
        Assert.False(RegistrationIds.IsWellFormed(new string('a', 2_000)));
    }

    [Fact]
    public void Every_id_this_system_makes_is_well_formed()
    {
        Assert.True(RegistrationIds.IsWellFormed(RegistrationIds.For("O" + new string('f', 16), 49)));
    }
}
