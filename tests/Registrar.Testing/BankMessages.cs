using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Registrar.Payments.Signatures;

namespace Registrar.LocalHost.Tests;

/// <summary>What a bank sends: a camt.054 credit notification, signed as the bank would sign it.</summary>
public static class BankMessages
{
    public static string Camt054Credit(string invoiceNumber, string amount, string currency, DateTimeOffset bookedAt, string reference) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
          <BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>MSG-{reference}</MsgId><CreDtTm>{bookedAt:yyyy-MM-ddTHH:mm:sszzz}</CreDtTm></GrpHdr>
            <Ntfctn>
              <Id>N-{reference}</Id>
              <CreDtTm>{bookedAt:yyyy-MM-ddTHH:mm:sszzz}</CreDtTm>
              <Acct><Id><IBAN>KZ86125KZT5004100100</IBAN></Id><Ccy>{currency}</Ccy></Acct>
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
            </Ntfctn>
          </BkToCstmrDbtCdtNtfctn>
        </Document>
        """;

    /// <summary>The X-Signature header for <paramref name="body"/>, signed <paramref name="secondsAgo"/> ago.</summary>
    public static string Sign(string secret, string body, int secondsAgo = 0)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - secondsAgo;
        var signature = HmacSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body));
        return string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Convert.ToHexStringLower(signature)}");
    }

    public static string NewReference() => "TX" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
}
