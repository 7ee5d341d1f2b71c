namespace Registrar.Epp.Responses;

/// <summary>EPP result codes (RFC 5730 section 3). The first digit says success (1) or failure (2);
/// callers switch on the meaning, never on the number.</summary>
public enum EppResultCode
{
    Success = 1000,
    SuccessPending = 1001,
    SuccessNoMessages = 1300,
    SuccessAckToDequeue = 1301,
    SuccessEndingSession = 1500,

    UnknownCommand = 2000,
    CommandSyntaxError = 2001,
    CommandUseError = 2002,
    RequiredParameterMissing = 2003,
    ParameterValueRangeError = 2004,
    ParameterValueSyntaxError = 2005,
    UnimplementedProtocolVersion = 2100,
    UnimplementedCommand = 2101,
    UnimplementedOption = 2102,
    UnimplementedExtension = 2103,
    BillingFailure = 2104,
    ObjectNotEligibleForRenewal = 2105,
    ObjectNotEligibleForTransfer = 2106,
    AuthenticationError = 2200,
    AuthorizationError = 2201,
    InvalidAuthorizationInformation = 2202,
    ObjectPendingTransfer = 2300,
    ObjectNotPendingTransfer = 2301,
    ObjectExists = 2302,
    ObjectDoesNotExist = 2303,
    ObjectStatusProhibitsOperation = 2304,
    ObjectAssociationProhibitsOperation = 2305,
    ParameterValuePolicyError = 2306,
    UnimplementedObjectService = 2307,
    DataManagementPolicyViolation = 2308,
    CommandFailed = 2400,
    CommandFailedServerClosingConnection = 2500,
    AuthenticationErrorServerClosingConnection = 2501,
    SessionLimitExceededServerClosingConnection = 2502,
}

public static class EppResultCodeExtensions
{
    public static bool IsSuccess(this EppResultCode code) => (int)code is >= 1000 and < 2000;

    /// <summary>RFC 5730: 25xx codes mean the server ends the session after answering.</summary>
    public static bool ClosesSession(this EppResultCode code) => (int)code is >= 2500 and < 2600;
}
