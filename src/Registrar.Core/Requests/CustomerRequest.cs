using System.Text.Json.Serialization;
using Registrar.Core.Customers;

namespace Registrar.Core.Requests;

/// <summary>A change a customer asks for on one registration (KZ-2.3, KZ-5.3, UA-4.7); more kinds join as their
/// flows are built, each with its own discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(EarlyDeletionRequest), EarlyDeletionRequest.KindName)]
[JsonDerivedType(typeof(DnsChangeRequest), DnsChangeRequest.KindName)]
[JsonDerivedType(typeof(ContactEmailChangeRequest), ContactEmailChangeRequest.KindName)]
[JsonDerivedType(typeof(TerminationRequest), TerminationRequest.KindName)]
[JsonDerivedType(typeof(TransferCodeRequest), TransferCodeRequest.KindName)]
[JsonDerivedType(typeof(RegistrantChangeRequest), RegistrantChangeRequest.KindName)]
[JsonDerivedType(typeof(CredentialResetRequest), CredentialResetRequest.KindName)]
[JsonDerivedType(typeof(RegistrantContactChangeRequest), RegistrantContactChangeRequest.KindName)]
public abstract record CustomerRequest
{
    /// <summary>The name the storefront API and the notices use for this kind.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}

/// <summary>UA-1.5.6: the registrant asks for the domain to be deleted before its term ends; the name is then free.
/// Abandoning a domain needs the stronger proof of UA-1.5.8.</summary>
public sealed record EarlyDeletionRequest : CustomerRequest
{
    public const string KindName = "early-deletion";

    [JsonIgnore]
    public override string Kind => KindName;
}

/// <summary>KZ-2.3: the customer names the domain's full set of name servers (host names, validated by
/// <see cref="NameServerNames"/>); the registry is asked for exactly that set.</summary>
public sealed record DnsChangeRequest(IReadOnlyList<string> NameServers) : CustomerRequest
{
    public const string KindName = "dns-change";

    [JsonIgnore]
    public override string Kind => KindName;
}

/// <summary>KZ-2.3: the registrant stays and is now reachable at <paramref name="Contact"/> (checked by
/// <see cref="RegistrantDataRules.CheckContact"/>); the registry's registrant contact is updated to it.</summary>
public sealed record RegistrantContactChangeRequest(RegistrantContact Contact) : CustomerRequest
{
    public const string KindName = "registrant-contact-change";

    [JsonIgnore]
    public override string Kind => KindName;
}

/// <summary>UA-4.7, KZ-2.2: the customer asks for notices to go to another contact e-mail; once proved it still waits for
/// the registrar's consent (an operations approval).</summary>
public sealed record ContactEmailChangeRequest(string Email) : CustomerRequest
{
    public const string KindName = "contact-email-change";

    [JsonIgnore]
    public override string Kind => KindName;
}

/// <summary>UA-6.1, UA-6.4: the registrant ends the contract; the domain is deleted at <paramref name="EndsAt"/>, fixed under
/// <paramref name="Rule"/> when the notice was given (at least the zone's notice days later, or the end of the term the
/// notice stops from renewing). Ending the contract abandons the domain, so it needs the stronger proof of UA-1.5.8.</summary>
/// <param name="TermEndsAt">The registry's expiry, the end of the term paid, when the notice was given: a renewal paid
/// before it is proved moves it (UA-1.7); null in requests stored before it was kept.</param>
public sealed record TerminationRequest(DateTimeOffset EndsAt, string Rule, DateTimeOffset? TermEndsAt = null) : CustomerRequest
{
    public const string KindName = "termination";

    [JsonIgnore]
    public override string Kind => KindName;
}

/// <summary>KZ-App-9, UA-3.5: the registrant asks for the domain's transfer (authInfo) code, to move it to another registrar.
/// The code is issued only while no ban, unpaid invoice or other agreement stands in the way, and goes to the contact e-mail.</summary>
public sealed record TransferCodeRequest : CustomerRequest
{
    public const string KindName = "transfer-code";

    [JsonIgnore]
    public override string Kind => KindName;
}

/// <summary>KZ-2.4, KZ-2.5: the domain passes to another registrant, described by <paramref name="Registrant"/> (checked by
/// <see cref="RegistrantDataRules"/>). Priced as a new registration and paid first; it never moves the expiry. UA-1.5.8:
/// changing the registrant needs the contact e-mail or papers operations checked.</summary>
public sealed record RegistrantChangeRequest(RegistrantData Registrant) : CustomerRequest
{
    public const string KindName = "registrant-change";

    [JsonIgnore]
    public override string Kind => KindName;
}

/// <summary>KZ-5.3: the customer lost the control panel's credentials, or fears someone else has them, and asks for new ones.
/// The request is taken only from the contact e-mail; once proved from there, a set-password link goes to that address
/// (UA-2.1.2: a link, never a password).</summary>
public sealed record CredentialResetRequest : CustomerRequest
{
    public const string KindName = "credential-reset";

    [JsonIgnore]
    public override string Kind => KindName;
}
