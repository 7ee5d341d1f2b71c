namespace Registrar.Payments.Notifications;

/// <summary>Why a bank notification was refused; an authentic message is recorded and held for operations all the same (UA-3.2).</summary>
public enum NotificationRejectionReason
{
    /// <summary>Missing, unreadable or wrong signature, or a key that does not verify it.</summary>
    BadSignature,

    /// <summary>The signed timestamp is outside the tolerance window.</summary>
    StaleTimestamp,

    /// <summary>This exact signed message was already accepted once.</summary>
    Replay,

    /// <summary>Not well-formed, wrong root, missing or invalid required content.</summary>
    Malformed,

    /// <summary>A field the format does not define (strict formats only).</summary>
    UnknownField,

    /// <summary>The body exceeds the configured size limit.</summary>
    Oversize,

    /// <summary>The XML carries a document type declaration (DTDs and entities are never processed).</summary>
    DtdForbidden,

    /// <summary>A message version this reader does not support; an authentic one is recorded and held for operations all the same.</summary>
    UnsupportedVersion,

    /// <summary>An ISO 20022 cash management message of another kind (a camt.053 statement, a camt.052 report) than the one the
    /// endpoint reads; an authentic one is recorded and held for operations all the same.</summary>
    UnsupportedMessage,

    /// <summary>An entry status the reader does not know (a code added to ISO's external list, a proprietary one): what it says
    /// of the money is not known, so the entry is held for operations (UA-3.2).</summary>
    UnknownStatus,

    /// <summary>An amount with more decimals than its currency has.</summary>
    AmountPrecision,

    /// <summary>A negative, zero or otherwise impossible amount.</summary>
    InvalidAmount,

    /// <summary>No secret or key is configured for the named bank.</summary>
    UnknownBank,
}

/// <summary>A refusal with a message a person (the bank's integrator or operations) can act on.</summary>
public sealed record NotificationRejected(NotificationRejectionReason Reason, string Message)
{
    public override string ToString() => $"{Reason}: {Message}";
}
