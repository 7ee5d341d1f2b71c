using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Registrar.Payments.Signatures;

namespace Registrar.Testing;

/// <summary>What a bank sends: a camt.054 credit notification, signed as the bank would sign it.</summary>
public static class BankMessages
{
    public static string Camt054Credit(string invoiceNumber, string amount, string currency, DateTimeOffset bookedAt, string reference) =>
        Camt054Credits(currency, bookedAt, reference, [(invoiceNumber, amount)]);

    /// <summary>One notification carrying a credit per invoice (a bank's end-of-day file); each entry's reference is
    /// <paramref name="reference"/> with its position, except a single entry's, which is the reference itself.</summary>
    public static string Camt054Credits(string currency, DateTimeOffset bookedAt, string reference, IReadOnlyList<(string Invoice, string Amount)> credits)
    {
        var entries = string.Concat(credits.Select((credit, i) => Entry(credit.Invoice, credit.Amount, currency, bookedAt,
            credits.Count == 1 ? reference : $"{reference}-{i}")));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
              <BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>MSG-{reference}</MsgId><CreDtTm>{bookedAt:yyyy-MM-ddTHH:mm:sszzz}</CreDtTm></GrpHdr>
                <Ntfctn>
                  <Id>N-{reference}</Id>
                  <CreDtTm>{bookedAt:yyyy-MM-ddTHH:mm:sszzz}</CreDtTm>
                  <Acct><Id><IBAN>KZ86125KZT5004100100</IBAN></Id><Ccy>{currency}</Ccy></Acct>
            {entries}    </Ntfctn>
              </BkToCstmrDbtCdtNtfctn>
            </Document>
            """;
    }

    private static string Entry(string invoiceNumber, string amount, string currency, DateTimeOffset bookedAt, string reference) => $"""
                  <Ntry>
                    <Amt Ccy="{currency}">{amount}</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><DtTm>{bookedAt:yyyy-MM-ddTHH:mm:sszzz}</DtTm></BookgDt>
                    <ValDt><Dt>{bookedAt:yyyy-MM-dd}</Dt></ValDt>
                    <AcctSvcrRef>E-{reference}</AcctSvcrRef>
                    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                    <NtryDtls><TxDtls>
                      <Refs><AcctSvcrRef>{reference}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                      <Amt Ccy="{currency}">{amount}</Amt>
                      <CdtDbtInd>CRDT</CdtDbtInd>
                      <RltdPties><Dbtr><Pty><Nm>ТОО Покупатель</Nm></Pty></Dbtr></RltdPties>
                      <RmtInf><Ustrd>Оплата по счету № {invoiceNumber} за регистрацию домена</Ustrd></RmtInf>
                    </TxDtls></NtryDtls>
                  </Ntry>

        """;

    /// <summary>The X-Signature header for <paramref name="body"/>, signed <paramref name="secondsAgo"/> ago.</summary>
    public static string Sign(string secret, string body, int secondsAgo = 0) => Sign(secret, body, DateTimeOffset.UtcNow.AddSeconds(-secondsAgo));

    /// <summary>The X-Signature header for <paramref name="body"/>, signed at <paramref name="signedAt"/> (the host's clock,
    /// when a test has moved it).</summary>
    public static string Sign(string secret, string body, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds();
        var signature = HmacSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body));
        return string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Convert.ToHexStringLower(signature)}");
    }

    public static string NewReference() => "TX" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
}
