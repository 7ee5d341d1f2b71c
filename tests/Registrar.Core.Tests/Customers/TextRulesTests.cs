using Registrar.Core.Customers;

namespace Registrar.Core.Tests.Customers;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Шевченко\u2028Bcc: all@example.com")]
    [InlineData("вул. Хрещатик, 1\u2029кв. 2")]
    [InlineData("\u202EТарас")]
    [InlineData("Тарас\u202A")]
    [InlineData("Тарас\u202B")]
    [InlineData("Тарас\u202C")]
    [InlineData("Тарас\u202D")]
    [InlineData("Тарас\u2066")]
    [InlineData("Тарас\u2067")]
    [InlineData("Тарас\u2068")]
    [InlineData("Тарас\u2069")]
    [InlineData("Тарас\u200E")]
    [InlineData("Тарас\u200F")]
    [InlineData("Тарас\u061C")]
    public void A_line_or_paragraph_separator_or_a_bidirectional_control_is_refused_as_a_control_character_is(string value)
    {
        Assert.Equal("Line breaks and other control characters are not allowed.", TextRules.Refusal(value, 255));
    }

    [Theory]
    [InlineData("Шевченко Тарас Григорович")]
    [InlineData("ТОО «Әлем-Қазақстан»")]
    [InlineData("O'Brien & Sons, офіс 2")]
    public void A_name_on_one_line_is_kept(string value)
    {
        Assert.Null(TextRules.Refusal(value, 255));
    }

    [Theory]
    [InlineData("owner@b")]
    [InlineData("owner@localhost")]
    [InlineData("owner@mail.kz.")]
    [InlineData("owner@.mail.kz")]
    [InlineData("owner@mail..kz")]
    public void An_email_whose_domain_is_not_fully_qualified_is_refused_RFC_5321_section_2_3_5(string email)
    {
        Assert.False(TextRules.IsEmail(email));
    }

    [Theory]
    [InlineData("owner@mail.kz")]
    [InlineData("o@b.c")]
    [InlineData("owner@пример.қаз")]
    [InlineData("owner@xn--e1afmkfd.xn--80ao21a")]
    public void An_email_at_a_fully_qualified_domain_is_kept_IDN_included(string email)
    {
        Assert.True(TextRules.IsEmail(email));
    }

    [Theory]
    [InlineData("zw@probe\u200b.test")]
    [InlineData("a\u200b@probe.test")]
    [InlineData("owner@mail\u00ad.kz")]
    [InlineData("\ufeffowner@mail.kz")]
    [InlineData("owner@mail.kz\u00a0")]
    [InlineData("owner@[192.0.2.1]")]
    [InlineData("owner@mail_box.kz")]
    public void An_email_no_mail_server_would_deliver_to_is_refused_before_anything_is_stored_UA_2_1_2(string email)
    {
        Assert.False(TextRules.IsEmail(System.Text.RegularExpressions.Regex.Unescape(email)));
    }
}
