using Registrar.Core.Whois;
using Registrar.Core.Zones;

namespace Registrar.Api.Whois;

/// <summary>POST /api/ops/disclosures: an authority's official written request (UA-1.16), as operations record it.</summary>
/// <param name="Domain">Unicode or A-label form.</param>
/// <param name="Requester">The authorised body that asked.</param>
/// <param name="LegalBasis">The law and article the request rests on.</param>
/// <param name="DocumentReference">The letter's number and date.</param>
/// <param name="RequestedFields">Registrant fields: RegistrantName, RegistrantOrganization, RegistrantAddress,
/// RegistrantCountry, RegistrantEmail, RegistrantPhone.</param>
/// <param name="RecordedBy">The person recording it; someone else approves.</param>
public sealed record RecordDisclosureRequest(
    string Domain, string Requester, string LegalBasis, string DocumentReference, IReadOnlyList<WhoisField> RequestedFields, string RecordedBy);

/// <param name="ApprovedBy">A person other than the one who recorded the request (UA-1.16).</param>
public sealed record ApproveDisclosure(string ApprovedBy);

public sealed record RefuseDisclosure(string RefusedBy, string Reason);

public sealed record DiscloseRegistrantData(string DisclosedBy);

/// <summary>A request and its audit trail, newest first.</summary>
public sealed record DisclosureRequestView(DisclosureRequest Request, IReadOnlyList<DisclosureHistoryEntry> History);

/// <param name="By">The person who acted.</param>
/// <param name="Client">The operations client they acted through.</param>
public sealed record DisclosureHistoryEntry(DateTimeOffset At, string Action, string By, string Client);

/// <summary>What an approved request discloses: the registrant's current data for the requested fields it holds.</summary>
/// <param name="NotHeld">Requested fields the registration has no value for (such as a nic-handle's data, kept by the registry).</param>
public sealed record DisclosureAnswer(
    string RequestId, string Domain, DateTimeOffset DisclosedAt, string DisclosedBy, IReadOnlyDictionary<WhoisField, string> Data,
    IReadOnlyList<WhoisField> NotHeld);

/// <summary>What the audit log keeps of each step: the request as it stands after it, and the client it came through.</summary>
public sealed record DisclosureAudit(string Client, DisclosureRequest Request);
