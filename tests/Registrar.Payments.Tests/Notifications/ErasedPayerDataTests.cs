using System.Text;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Tests.Notifications;

/// <summary>UA-Pre-6: a payer's name and account go from a kept bank message however its format writes them.</summary>
public sealed class ErasedPayerDataTests
{
    [Fact]
    public void A_name_escaped_as_XML_in_a_UTF_16_body_is_replaced_and_the_encoding_and_the_rest_kept_UA_Pre_6()
    {
        var body = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<Nm>Петренко &amp; Син</Nm><IBAN>UA21322313</IBAN><Amt>6000.00</Amt>")).ToArray();

        var erased = ErasedPayerData.Replace(body, ["Петренко & Син", "UA21322313"], "erased");

        Assert.Equal(Encoding.Unicode.GetPreamble(), erased[..2]);
        Assert.Equal("<Nm>erased</Nm><IBAN>erased</IBAN><Amt>6000.00</Amt>", Encoding.Unicode.GetString(erased[2..]));
    }

    [Fact]
    public void A_name_escaped_as_JSON_is_replaced_and_amounts_and_references_kept_UA_Pre_6()
    {
        var body = Encoding.UTF8.GetBytes("""{"payer":"\u041E\u043B\u0435\u043D\u0430 O\u0027Neil","iban":"UA21","amount":600000,"reference":"TX-1"}""");

        var erased = Encoding.UTF8.GetString(ErasedPayerData.Replace(body, ["Олена O'Neil", "UA21", "erased"], "erased"));

        Assert.Equal("""{"payer":"erased","iban":"erased","amount":600000,"reference":"TX-1"}""", erased);
    }
}
