namespace Registrar.Core.Contracts;

/// <summary>
/// UA-2.3.1: the grounds on which the registrar may suspend or stop its services to the registrant, temporarily or for
/// good, and ask the registrant for a written explanation. Exactly the grounds the offer lists (clauses 2.3.1.1 to
/// 2.3.1.9); operations choose one when they suspend.
/// </summary>
public enum SuspensionGround
{
    /// <summary>2.3.1.1: the registration services were not paid on time.</summary>
    NonPayment,

    /// <summary>2.3.1.2: the registrant gave inaccurate contact information, or none.</summary>
    InaccurateContactData,

    /// <summary>2.3.1.3: mass or repeated mailing over the Internet of information contrary to Ukrainian or international
    /// law, including through the registrant's web pages or e-mail used for such mailings through another provider.</summary>
    UnlawfulMailing,

    /// <summary>2.3.1.4: publishing or passing on information or software that contains computer viruses or the like.</summary>
    Malware,

    /// <summary>2.3.1.5: publishing, passing on, reproducing or using information, software or other material obtained
    /// without its owner's permission.</summary>
    MaterialWithoutOwnerPermission,

    /// <summary>2.3.1.6: publishing, passing on, reproducing or using material protected by intellectual-property
    /// (copyright, patent or other) rights without the right holder's permission.</summary>
    IntellectualPropertyInfringement,

    /// <summary>2.3.1.7: sending commercial or other electronic messages the recipient did not agree to or invite,
    /// through the registrar's mail server or any other.</summary>
    UnsolicitedMessages,

    /// <summary>2.3.1.8: publishing or passing on over the Internet information contrary to Ukrainian law or international
    /// treaties, in particular pornographic, racist or offensive images (the registrar judges what is racist or offensive).</summary>
    IllegalContent,

    /// <summary>2.3.1.9: placing on the registrar's servers software (binaries, scripts) that uses the registrar's servers
    /// or services without its express written consent.</summary>
    UnauthorisedSoftwareOnRegistrarServers,
}
