using Registrar.Core.Customers;

namespace Registrar.Core.Tests.Customers;

public sealed class MailboxSpellingTests
{
    [Theory]
    [InlineData("info@пример.қаз", "info@xn--e1afmkfd.xn--80ao21a")]
    [InlineData("иван@пример.қаз", "иван@xn--e1afmkfd.xn--80ao21a")]
    [InlineData("Owner@Example.KZ", "Owner@Example.KZ")]
    [InlineData("owner@xn--e1afmkfd.xn--80ao21a", "owner@xn--e1afmkfd.xn--80ao21a")]
    public void An_internationalized_domain_is_written_as_its_a_labels_and_the_local_part_is_kept_RFC5890(string address, string spelled) =>
        Assert.Equal(spelled, MailboxSpelling.WithAsciiDomain(address));

    [Theory]
    [InlineData("owner@пример..қаз")]
    [InlineData("no-at-sign")]
    public void An_address_whose_domain_is_no_valid_idn_is_left_as_written_RFC5891_4(string address) =>
        Assert.Equal(address, MailboxSpelling.WithAsciiDomain(address));
}
