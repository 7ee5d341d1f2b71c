using System.Text;
using System.Text.RegularExpressions;
using Registrar.Payments.Camt054;
using Registrar.Payments.Notifications;
using Registrar.Payments.Tests.Samples;

namespace Registrar.Payments.Tests.Camt054;

/// <summary>Valid camt.054 documents written otherwise than the samples are: each reads as the sample it rewrites.</summary>
public sealed partial class Camt054VariantTests
{
    private const string Purpose = "Оплата по рахунку № UA 2611 00009 8";
    private readonly Camt054Reader _reader = new(new Camt054ReaderOptions());

    private static string Version08 => Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"));

    private NotificationReadResult Read(byte[] body) => _reader.Read("bank-1", body, SampleFiles.Kyiv);

    private NotificationReadResult Read(string xml) => Read(Encoding.UTF8.GetBytes(xml));

    private static void AssertTheSamplesCredit(NotificationReadResult result)
    {
        Assert.Empty(result.Refused);
        var credit = Assert.Single(result.Credits);
        Assert.Equal(("UNJS-TX-88231", 450.00m, "UAH", Purpose), (credit.TransactionReference, credit.Amount, credit.CurrencyCode, credit.PaymentPurpose));
    }

    [Fact]
    public void Elements_with_a_namespace_prefix_instead_of_the_default_namespace_read_alike()
    {
        var prefixed = Tag().Replace(Version08.Replace("<Document xmlns=", "<Document xmlns:c="), "<$1c:$2");
        Assert.Contains("<c:Ntry>", prefixed);

        AssertTheSamplesCredit(Read(prefixed));
    }

    [Fact]
    public void A_UTF_8_byte_order_mark_comments_and_CDATA_read_alike()
    {
        var xml = Version08.Replace($"<Ustrd>{Purpose}</Ustrd>", $"<Ustrd><![CDATA[{Purpose}]]></Ustrd><!-- keyed in by the payer -->")
            .Replace("<Amt Ccy=\"UAH\">450.00</Amt>\n            <CdtDbtInd>", "<Amt Ccy=\"UAH\">45<!-- split -->0.00</Amt>\n            <CdtDbtInd>");

        AssertTheSamplesCredit(Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(xml)]));
    }

    [Fact]
    public void UTF_16_without_a_byte_order_mark_and_a_document_without_an_XML_declaration_read_alike()
    {
        AssertTheSamplesCredit(Read(Encoding.Unicode.GetBytes(Version08.Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\""))));
        AssertTheSamplesCredit(Read(Version08.Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")));
    }

    [Theory]
    [InlineData("450")]
    [InlineData("450.0")]
    [InlineData("450.00")]
    public void An_amount_with_any_number_of_decimals_its_currency_allows_is_the_same_amount(string written)
    {
        AssertTheSamplesCredit(Read(Version08.Replace(">450.00<", $">{written}<")));
    }

    [Fact]
    public void A_proprietary_booked_status_from_version_08_reads_as_booked()
    {
        AssertTheSamplesCredit(Read(Version08.Replace("<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Prtry>BOOK</Prtry></Sts>")));
    }

    [Theory]
    [InlineData("<DtTm>2026-11-24T11:59:48</DtTm>", "2026-11-24T11:59:48+02:00")]
    [InlineData("<DtTm>2026-11-24T09:59:48Z</DtTm>", "2026-11-24T11:59:48+02:00")]
    [InlineData("<Dt>2026-11-24</Dt>", "2026-11-24T00:00:00+02:00")]
    public void A_booking_time_with_or_without_an_offset_or_a_date_alone_is_the_instant_it_names_KZ_3_5(string booking, string instant)
    {
        var result = Read(Version08.Replace("<BookgDt><DtTm>2026-11-24T11:59:48.120+02:00</DtTm></BookgDt>", $"<BookgDt>{booking}</BookgDt>"));

        AssertTheSamplesCredit(result);
        Assert.Equal(DateTimeOffset.Parse(instant), result.Credits[0].BookedAt);
    }

    [Fact]
    public void Batch_information_beside_the_transaction_details_changes_nothing()
    {
        AssertTheSamplesCredit(Read(Version08.Replace("<NtryDtls>\n          <TxDtls>", "<NtryDtls><Btch><NbOfTxs>1</NbOfTxs></Btch>\n          <TxDtls>")));
    }

    /// <summary>An opening or closing tag without a prefix: the name's first letter, after an optional '/'.</summary>
    [GeneratedRegex("<(/?)([A-Za-z])")]
    private static partial Regex Tag();
}
