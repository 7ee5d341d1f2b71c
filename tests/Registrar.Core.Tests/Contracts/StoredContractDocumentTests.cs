using System.Text.Json;
using Registrar.Core.Contracts;
using Registrar.Core.Persistence;
using static Registrar.Core.Tests.Contracts.Shipped;

namespace Registrar.Core.Tests.Contracts;

/// <summary>Claims and force majeure notices as the stores keep them: a rename or a type change must fail here, not when
/// operations read a claim filed before the change.</summary>
public sealed class StoredContractDocumentTests
{
    private static readonly Claim AnsweredClaim = new("C0123456789abcdef", "O0123456789abcdef-1", "cust-1", "ua", "example.com.ua",
        new DateOnly(2026, 3, 2), "The domain did not resolve.", "PP-1042", new DateTimeOffset(2026, 3, 2, 18, 0, 0, KyivWinter),
        new DateTimeOffset(2026, 3, 21, 0, 0, 0, KyivWinter), "UA-5.1",
        new ClaimAnswer("Resolved.", "Olena", new DateTimeOffset(2026, 3, 5, 9, 0, 0, KyivWinter), true),
        new DateTimeOffset(2026, 3, 21, 0, 1, 0, KyivWinter));

    private const string AnsweredClaimJson =
        """{"claimId":"C0123456789abcdef","registrationId":"O0123456789abcdef-1","customerId":"cust-1","zone":"ua","domainName":"example.com.ua","disputedOn":"2026-03-02","text":"The domain did not resolve.","proofOfPayment":"PP-1042","filedAt":"2026-03-02T18:00:00+02:00","answerBy":"2026-03-21T00:00:00+02:00","answerRule":"UA-5.1","answer":{"text":"Resolved.","by":"Olena","at":"2026-03-05T09:00:00+02:00","inTime":true},"overdueFlaggedAt":"2026-03-21T00:01:00+02:00"}""";

    private static readonly ForceMajeureNotice Notice = new("F0123456789abcdef", "ua", ContractParty.Registrar, "Power grid down",
        new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 9), null,
        new ForceMajeureDeadlines(new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 11), "UA-7.2", new DateOnly(2026, 4, 5), "UA-7.3"),
        "Olena", new DateTimeOffset(2026, 3, 9, 10, 0, 0, KyivWinter));

    private const string NoticeJson =
        """{"noticeId":"F0123456789abcdef","zone":"ua","party":"Registrar","circumstance":"Power grid down","startedOn":"2026-03-06","notifiedOn":"2026-03-09","provedOn":null,"deadlines":{"startedOn":"2026-03-06","notifyBy":"2026-03-11","notifyRule":"UA-7.2","proveBy":"2026-04-05","proveRule":"UA-7.3"},"recordedBy":"Olena","recordedAt":"2026-03-09T10:00:00+02:00"}""";

    [Fact]
    public void A_claim_is_stored_in_this_format_and_reads_back_equal()
    {
        Assert.Equal(AnsweredClaimJson, JsonSerializer.Serialize(AnsweredClaim, StoredJson.Options));
        Assert.Equal(AnsweredClaim, JsonSerializer.Deserialize<Claim>(AnsweredClaimJson, StoredJson.Options));
    }

    [Fact]
    public void A_force_majeure_notice_is_stored_in_this_format_and_reads_back_equal()
    {
        Assert.Equal(NoticeJson, JsonSerializer.Serialize(Notice, StoredJson.Options));
        Assert.Equal(Notice, JsonSerializer.Deserialize<ForceMajeureNotice>(NoticeJson, StoredJson.Options));
    }
}
