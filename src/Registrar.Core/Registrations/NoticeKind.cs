namespace Registrar.Core.Registrations;

public enum NoticeKind
{
    /// <summary>UA-2.1.2: registered; carries a set-password link for the control panel.</summary>
    Registered,

    /// <summary>KZ-2.1: the name was taken; choose another name or a refund.</summary>
    NameTaken,

    /// <summary>UA-Pre-7: operations did not approve the trademark.</summary>
    TrademarkRejected,

    /// <summary>KZ-2.6: the domain expires soon; an invoice issued earlier is still open, or none can be issued any more.</summary>
    RenewalReminder,

    /// <summary>KZ-2.6, KZ-2.7: the domain expires soon and here is the invoice that renews it.</summary>
    RenewalInvoice,

    /// <summary>UA-1.7: renewed; the new expiry is the registry's.</summary>
    Renewed,

    /// <summary>KZ-2.8, UA-1.10: expired unpaid; when it is deleted and (UA-1.12) until when it can still be renewed.</summary>
    Expired,

    /// <summary>KZ-2.8, UA-1.10: deleted at the registry; the name is free for anyone.</summary>
    Deleted,

    /// <summary>The registry deleted the domain though this registrar did not ask it to and no unpaid expiry led there (RFC 5731
    /// section 3.1.2: it no longer holds the object): the service has ended, and a renewal paid for it is returned.</summary>
    DeletedByRegistry,

    /// <summary>KZ-5.3, UA-4.7: a single-use, expiring link that confirms a customer request from the contact e-mail.</summary>
    RequestConfirmation,

    /// <summary>UA-1.5.6: deleted at the registry at the registrant's request; the name is free for anyone.</summary>
    DeletedOnRequest,

    /// <summary>KZ-2.3: the domain's name servers were changed at the registry as the customer asked.</summary>
    NameserversChanged,

    /// <summary>UA-4.7, KZ-2.2: sent to the old contact e-mail: notices now go to the new one.</summary>
    ContactEmailChanged,

    /// <summary>UA-4.7: operations did not consent to the contact e-mail change; nothing changed.</summary>
    ContactEmailChangeRefused,

    /// <summary>UA-2.3.1: the service is suspended on the offer's clause; the registrant is asked for a written explanation.</summary>
    Suspended,

    /// <summary>UA-2.3.1: the suspension is lifted.</summary>
    Unsuspended,

    /// <summary>KZ-App-2, UA-2.2.3: a dispute decision blocks the domain.</summary>
    Blocked,

    /// <summary>KZ-App-2, UA-2.2.3: a later decision lifts the block.</summary>
    Unblocked,

    /// <summary>KZ-App-4: written notice of a breach; cured by the deadline, or the registration is cancelled then.</summary>
    BreachNoticed,

    /// <summary>UA-1.3.4.1, UA-2.3.2, UA-1.3.6: the registrar ends the contract on the offer's clause, effective then.</summary>
    TerminationNoticed,

    /// <summary>UA-6.1, UA-6.4: the registrant's notice of termination is received; the contract ends at the date shown.</summary>
    TerminationConfirmed,

    /// <summary>The contract ended on a decision (termination, uncured breach, dispute) and the domain was deleted.</summary>
    ServiceEnded,
    /// <summary>KZ-App-9: the domain's transfer code, for the registrar the customer moves it to.</summary>
    TransferCode,

    /// <summary>KZ-App-9, UA-3.5: no transfer code was issued; the notice names each reason and its rule.</summary>
    TransferCodeRefused,

    /// <summary>The registry moved the domain to another registrar: this registrar's service for it has ended.</summary>
    TransferredAway,

    /// <summary>KZ-2.4: the invoice for a registrant change, priced as a new registration; the change waits for its payment.</summary>
    RegistrantChangeInvoice,

    /// <summary>KZ-2.4, KZ-2.5: the registry shows the new registrant; the expiry is what it was.</summary>
    RegistrantChanged,

    /// <summary>RFC 5731 section 3.2.4: the registry did not move the domain here (wrong code, rejected or cancelled); the
    /// payment is refunded or applied elsewhere.</summary>
    TransferInRefused,

    /// <summary>RFC 5731 section 3.2.4, KZ-2.8: the transfer did not happen because the registry deleted the domain meanwhile (it
    /// expired unrenewed): its name is free to register, and the payment is refunded or applied elsewhere.</summary>
    TransferInDomainDeleted,

    /// <summary>RFC 5731 section 3.2.4: the registry moved the domain here, with the expiry it gives; like the welcome mail it
    /// carries a set-password link for the control panel (UA-2.1.2).</summary>
    TransferredIn,

    /// <summary>KZ-5.3: the credential reset proved from the contact e-mail: a set-password link for the control panel (UA-2.1.2).</summary>
    CredentialReset,

    /// <summary>KZ-App-9, UA-3.5: another registrar's transfer of the domain was rejected at the registry; the notice names each
    /// reason and its rule, as <see cref="TransferCodeRefused"/> does.</summary>
    TransferAwayRejected,

    /// <summary>KZ-2.3: the registry holds the registrant's new contact details the customer gave.</summary>
    RegistrantContactChanged,

    /// <summary>UA-1.5.8, KZ-2.3: a customer request that is not carried out, and why (<see cref="RequestRefusalReason"/>); nothing changed.</summary>
    RequestRefused,

    /// <summary>KZ-App-4: operations accepted the cure of a breach noticed in writing; the registration is kept.</summary>
    BreachCured,
}
