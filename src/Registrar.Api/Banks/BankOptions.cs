namespace Registrar.Api.Banks;

/// <summary>Every bank in one place: one "Banks:{id}" section each (time zone, HMAC secret or ECDSA public
/// key), and how long a bank's request waits for its entries ("Payments:AnswerWithin").</summary>
public sealed class BankOptions
{
    public const string Section = "Banks";

    public Dictionary<string, BankSettings> Banks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long after its arrival a bank's request waits for its entries to be applied: a small message is
    /// answered with every outcome, a large one (thousands of credits) with 202 once recorded, its entries applied after.
    /// 1.5 s keeps the answer to a bank within 2 s of its post (issue 16) while a file of tens of credits is still answered
    /// in full; a message whose reading and recording outlast it is answered as soon as it is recorded.</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The time zone a bank's date-only booking dates are in; false for a bank not configured.</summary>
    public bool TryTimeZone(string bankId, out TimeZoneInfo timeZone)
    {
        timeZone = Banks.TryGetValue(bankId, out var bank) ? TimeZoneInfo.FindSystemTimeZoneById(bank.TimeZone) : TimeZoneInfo.Utc;
        return bank is not null;
    }
}

public sealed class BankSettings
{
    /// <summary>IANA id, e.g. "Asia/Almaty" or "Europe/Kyiv": the day a date-only booking date means.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The webhook secret of a bank that signs with a timestamped HMAC (camt.054, JSON notifications);
    /// from Key Vault in Azure, never from code.</summary>
    public string? HmacSecret { get; set; }

    /// <summary>The public key of a bank that signs with ECDSA (the acquiring webhook): base64 of a PEM
    /// "PUBLIC KEY" or the PEM text itself.</summary>
    public string? EcdsaPublicKey { get; set; }
}
