using Registrar.Core.Contracts;

namespace Registrar.Core.Tests.Contracts;

public sealed class SuspensionGroundTests
{
    [Fact]
    public void The_suspension_grounds_are_exactly_the_nine_the_offer_lists_in_its_order_UA_2_3_1()
    {
        Assert.Equal(
            [
                SuspensionGround.NonPayment, SuspensionGround.InaccurateContactData, SuspensionGround.UnlawfulMailing, SuspensionGround.Malware,
                SuspensionGround.MaterialWithoutOwnerPermission, SuspensionGround.IntellectualPropertyInfringement,
                SuspensionGround.UnsolicitedMessages, SuspensionGround.IllegalContent, SuspensionGround.UnauthorisedSoftwareOnRegistrarServers,
            ],
            Enum.GetValues<SuspensionGround>());
    }
}
