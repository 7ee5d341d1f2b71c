using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Commands;

/// <summary>RFC 5730 section 3 result codes and their standard texts.</summary>
public static class ResultCode
{
    public const int Success = 1000;
    public const int SuccessPending = 1001;
    public const int NoMessages = 1300;
    public const int AckToDequeue = 1301;
    public const int EndingSession = 1500;
    public const int UnknownCommand = 2000;
    public const int SyntaxError = 2001;
    public const int CommandUseError = 2002;
    public const int MissingParameter = 2003;
    public const int ValueRange = 2004;
    public const int ValueSyntax = 2005;
    public const int UnimplementedProtocolVersion = 2100;
    public const int UnimplementedCommand = 2101;
    public const int UnimplementedOption = 2102;
    public const int UnimplementedExtension = 2103;
    public const int BillingFailure = 2104;
    public const int NotEligibleForTransfer = 2106;
    public const int AuthenticationError = 2200;
    public const int AuthorizationError = 2201;
    public const int InvalidAuthInfo = 2202;
    public const int PendingTransfer = 2300;
    public const int NotPendingTransfer = 2301;
    public const int ObjectExists = 2302;
    public const int ObjectDoesNotExist = 2303;
    public const int StatusProhibits = 2304;
    public const int AssociationProhibits = 2305;
    public const int ParameterPolicy = 2306;
    public const int UnimplementedObjectService = 2307;
    public const int DataManagementPolicy = 2308;
    public const int CommandFailed = 2400;
    public const int CommandFailedClosing = 2500;
    public const int SessionLimitExceeded = 2502;

    public static string Text(int code) => code switch
    {
        Success => "Command completed successfully",
        SuccessPending => "Command completed successfully; action pending",
        NoMessages => "Command completed successfully; no messages",
        AckToDequeue => "Command completed successfully; ack to dequeue",
        EndingSession => "Command completed successfully; ending session",
        UnknownCommand => "Unknown command",
        SyntaxError => "Command syntax error",
        CommandUseError => "Command use error",
        MissingParameter => "Required parameter missing",
        ValueRange => "Parameter value range error",
        ValueSyntax => "Parameter value syntax error",
        UnimplementedProtocolVersion => "Unimplemented protocol version",
        UnimplementedCommand => "Unimplemented command",
        UnimplementedOption => "Unimplemented option",
        UnimplementedExtension => "Unimplemented extension",
        BillingFailure => "Billing failure",
        NotEligibleForTransfer => "Object is not eligible for transfer",
        AuthenticationError => "Authentication error",
        AuthorizationError => "Authorization error",
        InvalidAuthInfo => "Invalid authorization information",
        PendingTransfer => "Object pending transfer",
        NotPendingTransfer => "Object not pending transfer",
        ObjectExists => "Object exists",
        ObjectDoesNotExist => "Object does not exist",
        StatusProhibits => "Object status prohibits operation",
        AssociationProhibits => "Object association prohibits operation",
        ParameterPolicy => "Parameter value policy error",
        UnimplementedObjectService => "Unimplemented object service",
        DataManagementPolicy => "Data management policy violation",
        CommandFailed => "Command failed",
        CommandFailedClosing => "Command failed; server closing connection",
        SessionLimitExceeded => "Session limit exceeded; server closing connection",
        _ => "Command failed",
    };

    /// <summary>RFC 5734 section 2: 2500-2502 end the session.</summary>
    public static bool ClosesConnection(int code) => code is >= 2500 and <= 2502;
}

/// <summary>A refused command: the handler's checks throw it, the dispatcher answers with it. <paramref name="value"/> is the
/// client's element that caused it, where the check knows it: RFC 5730 section 3 says 2004, 2005 and 2306 SHOULD name it.</summary>
public sealed class EppCommandException(int code, string detail, XElement? value = null) : Exception($"{ResultCode.Text(code)}: {detail}")
{
    public int Code { get; } = code;
    public string Detail { get; } = detail;
    public XElement? Value { get; } = value;
}
