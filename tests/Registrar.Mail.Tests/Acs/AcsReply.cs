namespace Registrar.Mail.Tests.Acs;

/// <summary>One scripted answer of the stand-in, shaped as the Email REST API (2023-03-31) answers.</summary>
/// <param name="OperationStatus">NotStarted, Running, Succeeded, Failed or Canceled; null on an error answer.</param>
public sealed record AcsReply(int HttpStatus, string? OperationStatus, string? ErrorCode, int? RetryAfterSeconds)
{
    /// <summary>The send's 202: the operation runs, poll after <paramref name="retryAfter"/> seconds.</summary>
    public static AcsReply Accepted(int retryAfter) => new(202, "Running", null, retryAfter);

    /// <summary>A poll's 200 with the operation's status (and, when it failed, the service's error code).</summary>
    public static AcsReply Status(string status, int? retryAfter = null, string? errorCode = null) =>
        new(200, status, errorCode, retryAfter);

    /// <summary>An error answer with the service's error body.</summary>
    public static AcsReply Error(int httpStatus, string errorCode, int? retryAfter = null) =>
        new(httpStatus, null, errorCode, retryAfter);
}
