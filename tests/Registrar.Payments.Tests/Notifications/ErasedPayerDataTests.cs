using System.Text;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Tests.Notifications;

/// <summary>UA-Pre-6: a payer's name and account, and the purpose they wrote, go from a kept bank message however its format
/// writes them.</summary>
public sealed class ErasedPayerDataTests
{
    [Fact]
    public void A_name_escaped_as_XML_in_a_UTF_16_body_is_replaced_and_the_encoding_and_the_rest_kept_UA_Pre_6()
    {
        var body = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<Nm>Петренко &amp; Син</Nm><IBAN>UA21322313</IBAN><Amt>6000.00</Amt>")).ToArray();

        var erased = ErasedPayerData.Replace(body, null, ["Петренко & Син", "UA21322313"], "erased");

        Assert.Equal(Encoding.Unicode.GetPreamble(), erased[..2]);
        Assert.Equal("<Nm>erased</Nm><IBAN>erased</IBAN><Amt>6000.00</Amt>", Encoding.Unicode.GetString(erased[2..]));
    }

    [Fact]
    public void A_name_escaped_as_JSON_is_replaced_and_amounts_and_references_kept_UA_Pre_6()
    {
        var body = Encoding.UTF8.GetBytes("""{"payer":"\u041E\u043B\u0435\u043D\u0430 O\u0027Neil","iban":"UA21","amount":600000,"reference":"TX-1"}""");

        var erased = Encoding.UTF8.GetString(ErasedPayerData.Replace(body, null, ["Олена O'Neil", "UA21", "erased"], "erased"));

        Assert.Equal("""{"payer":"erased","iban":"erased","amount":600000,"reference":"TX-1"}""", erased);
    }

    [Fact]
    public void A_purpose_naming_the_payer_keeps_only_the_invoice_numbers_it_named_and_the_same_text_elsewhere_stays_UA_Pre_6()
    {
        const string Purpose = "Оплата по счету № UA-2612-00003-8, плательщик Ivan Zhukov тел +380.441111111";
        var body = Encoding.UTF8.GetBytes($"<Ntry><Amt>1</Amt><Ustrd>{Purpose}</Ustrd></Ntry><Ntry><Ustrd>1</Ustrd><Ustrd>оплата</Ustrd></Ntry>");

        var erased = Encoding.UTF8.GetString(ErasedPayerData.Replace(body, null, ["Ivan Zhukov"], "erased", [Purpose, "1"]));

        Assert.Equal("<Ntry><Amt>1</Amt><Ustrd>erased UA-2612-00003-8</Ustrd></Ntry><Ntry><Ustrd>erased</Ustrd><Ustrd>оплата</Ustrd></Ntry>", erased);
    }

    [Fact]
    public void A_purpose_in_JSON_keeps_only_the_invoice_numbers_it_named_UA_Pre_6()
    {
        var body = Encoding.UTF8.GetBytes("""{"purpose":"KZ-2612-00003-4 from Ivan","reference":"TX-1"}""");

        var erased = Encoding.UTF8.GetString(ErasedPayerData.Replace(body, null, [], "erased", ["KZ-2612-00003-4 from Ivan"]));

        Assert.Equal("""{"purpose":"erased KZ-2612-00003-4","reference":"TX-1"}""", erased);
    }

    private static readonly Encoding Windows1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;

    [Fact]
    public void A_name_in_a_camt_054_declared_windows_1251_is_replaced_and_the_body_stays_windows_1251_UA_Pre_6()
    {
        const string Head = """<?xml version="1.0" encoding="windows-1251"?><Document>""";
        var body = Windows1251.GetBytes(Head + "<Nm>Петренко &amp; Син</Nm><IBAN>UA21322313</IBAN><Ustrd>Оплата по счету № 7</Ustrd></Document>");

        var erased = ErasedPayerData.Replace(body, null, ["Петренко & Син", "UA21322313"], "erased");

        Assert.Equal(Windows1251.GetBytes(Head + "<Nm>erased</Nm><IBAN>erased</IBAN><Ustrd>Оплата по счету № 7</Ustrd></Document>"), erased);
        Assert.Equal(body, ErasedPayerData.Replace(body, null, ["Іваненко"], "erased"));
    }

    [Fact]
    public void A_name_in_a_windows_1251_camt_054_that_only_its_media_type_declares_is_replaced_in_windows_1251_UA_Pre_6()
    {
        var body = Windows1251.GetBytes("<Document><Nm>Петренко</Nm><Ustrd>Оплата по счету № 7</Ustrd></Document>");

        var erased = ErasedPayerData.Replace(body, "windows-1251", ["Петренко"], "erased");

        Assert.Equal(Windows1251.GetBytes("<Document><Nm>erased</Nm><Ustrd>Оплата по счету № 7</Ustrd></Document>"), erased);
    }

    [Fact]
    public void A_name_in_a_camt_054_declared_ISO_8859_1_is_replaced_and_the_rest_kept_byte_for_byte_UA_Pre_6()
    {
        var body = Encoding.Latin1.GetBytes("<?xml version='1.0' encoding='ISO-8859-1'?><Document><Nm>Jürgen Müller</Nm><Ustrd>Zahlung Zürich</Ustrd></Document>");

        var erased = ErasedPayerData.Replace(body, null, ["Jürgen Müller"], "erased");

        Assert.Equal(Encoding.Latin1.GetBytes("<?xml version='1.0' encoding='ISO-8859-1'?><Document><Nm>erased</Nm><Ustrd>Zahlung Zürich</Ustrd></Document>"), erased);
    }

    [Fact]
    public void A_body_whose_bytes_are_not_in_the_encoding_it_declares_is_refused_rather_than_rewritten_garbled_UA_Pre_6()
    {
        var body = Windows1251.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Document><Nm>Петренко</Nm></Document>""");

        Assert.Throws<DecoderFallbackException>(() => ErasedPayerData.Replace(body, null, ["Петренко"], "erased"));
    }
}
