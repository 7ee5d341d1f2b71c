namespace Registrar.Core.Requests;

/// <summary>How a customer request was proved to come from the account (KZ-2.3, KZ-5.3, UA-4.7, UA-1.5.8);
/// stored by name, so members are only ever appended.</summary>
public enum RequestProof
{
    /// <summary>The storefront vouched for a signed-in session of the account.</summary>
    SignedInSession,

    /// <summary>The single-use confirmation link mailed to the account's contact e-mail was followed.</summary>
    ContactEmail,

    /// <summary>UA-1.5.8: a signed written contract, checked and recorded by operations.</summary>
    SignedContract,

    /// <summary>UA-1.5.8: identity documents, checked and recorded by operations.</summary>
    IdentityDocuments,
}

/// <summary>Which proof a request of each kind accepts.</summary>
public static class RequestProofs
{
    /// <summary>KZ-5.3, UA-4.7: a change comes from the contact e-mail or a signed-in session of the account.
    /// UA-1.5.8: abandoning a domain or changing its registrant needs the contact e-mail, a signed contract or identity
    /// documents: a session is not enough.
    /// KZ-App-9, UA-1.5.8: a transfer code is issued from the control panel (a session) or the contact e-mail, and without access
    /// to the e-mail on papers operations checked; the code itself only ever goes to the contact e-mail.
    /// KZ-5.3: a credential reset is taken "исключительно с контактного электронного адреса": a session whose credentials may
    /// be someone else's, or papers, do not prove it.</summary>
    public static bool Accepts(CustomerRequest request, RequestProof proof) => request switch
    {
        CredentialResetRequest => proof is RequestProof.ContactEmail,
        EarlyDeletionRequest or TerminationRequest or RegistrantChangeRequest => proof is RequestProof.ContactEmail or RequestProof.SignedContract or RequestProof.IdentityDocuments,
        TransferCodeRequest => true,
        _ => proof is RequestProof.SignedInSession or RequestProof.ContactEmail,
    };

    /// <summary>The proofs operations record after checking papers (UA-1.5.8).</summary>
    public static bool IsRecordedByOperations(RequestProof proof) => proof is RequestProof.SignedContract or RequestProof.IdentityDocuments;
}
