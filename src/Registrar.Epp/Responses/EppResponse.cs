using System.Xml.Linq;

namespace Registrar.Epp.Responses;

/// <summary>One &lt;result&gt; of a response: code, message and any &lt;value&gt;/&lt;extValue&gt; reasons.</summary>
public sealed record EppResult(EppResultCode Code, string Message, IReadOnlyList<string> Reasons);

/// <summary>&lt;msgQ&gt; of a response: messages waiting (an xs:unsignedLong in RFC 5730's schema) and, for poll req,
/// the message itself.</summary>
public sealed record EppMessageQueue(ulong Count, string Id, DateTimeOffset? QueuedAt, string? Message);

/// <summary>A parsed &lt;response&gt;. The first result decides success; resData and extension are
/// handed to the command that knows their schema, resData already read when the command has an <see cref="IResultDataReader"/>.</summary>
public sealed record EppResponse(
    IReadOnlyList<EppResult> Results,
    EppMessageQueue? MessageQueue,
    XElement? ResultData,
    XElement? Extension,
    string? ClientTransactionId,
    string ServerTransactionId)
{
    public EppResult Result => Results[0];
    public EppResultCode Code => Result.Code;
    public bool IsSuccess => Code.IsSuccess();

    /// <summary>RFC 5730 section 3: a 25xx result says the server is closing the connection wherever it stands among several
    /// results (section 2.6); 1500 ends it as logout's answer.</summary>
    public bool EndsSession => Code == EppResultCode.SuccessEndingSession || Results.Any(result => result.Code.ClosesSession());

    internal object? StreamedResultDataValue { get; init; }
    internal EppProtocolException? StreamedResultDataProblem { get; init; }

    /// <summary>What the command's <see cref="IResultDataReader"/> read from &lt;resData&gt;, null when the answer has
    /// none; what the reader found wrong with it is thrown here.</summary>
    public T? StreamedResultData<T>() where T : class =>
        StreamedResultDataProblem is { } problem ? throw problem : (T?)StreamedResultDataValue;
}

/// <summary>A parsed &lt;greeting&gt;: who the server is and which services it offers.</summary>
public sealed record EppGreeting(
    string ServerId,
    DateTimeOffset ServerDate,
    IReadOnlyList<string> Versions,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> ObjectUris,
    IReadOnlyList<string> ExtensionUris);
