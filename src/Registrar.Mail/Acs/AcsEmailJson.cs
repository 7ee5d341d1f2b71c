using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registrar.Mail.Acs;

// The wire shapes of the Email REST API, api-version 2023-03-31 (camelCase JSON).

internal sealed record AcsSendRequest(
    string SenderAddress, AcsEmailContent Content, AcsRecipients Recipients, bool UserEngagementTrackingDisabled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AcsAddress>? ReplyTo = null);

internal sealed record AcsEmailContent(string Subject, string PlainText, string Html);

internal sealed record AcsRecipients(IReadOnlyList<AcsAddress> To);

internal sealed record AcsAddress(string Address);

/// <summary>The body of the send's 202 and of each poll's 200.</summary>
internal sealed record AcsOperation(string Id, string Status, AcsError? Error = null);

/// <summary>The body of an error answer.</summary>
internal sealed record AcsErrorResponse(AcsError? Error = null);

/// <summary>Only the code is read: the service's message can quote the recipient's address.</summary>
internal sealed record AcsError(string? Code = null);

internal static class AcsJson
{
    // A body without an id or a status is refused when read, not carried on as nulls.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
