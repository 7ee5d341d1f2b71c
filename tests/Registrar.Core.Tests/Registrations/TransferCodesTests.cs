using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

public sealed class TransferCodesTests
{
    private static readonly TransferCodes Codes = new(Convert.ToBase64String(Enumerable.Repeat((byte)3, 32).ToArray()));

    [Fact]
    public void The_code_a_command_sets_is_derived_again_the_same_and_each_command_gets_its_own_KZ_App_9()
    {
        var code = Codes.For("reg-1-7");

        Assert.Equal(code, Codes.For("reg-1-7"));
        Assert.NotEqual(code, Codes.For("reg-1-8"));
        Assert.NotEqual(code, new TransferCodes(Convert.ToBase64String(Enumerable.Repeat((byte)4, 32).ToArray())).For("reg-1-7"));
        Assert.Matches("^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$", code);
        Assert.Contains(code, char.IsAsciiLetterUpper);
        Assert.Contains(code, char.IsAsciiLetterLower);
        Assert.Contains(code, char.IsAsciiDigit);
    }

    [Fact]
    public void A_key_shorter_than_32_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new TransferCodes(Convert.ToBase64String(new byte[16])));
    }
}
