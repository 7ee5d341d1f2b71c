using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Commands;

/// <summary>The &lt;msgQ&gt; element: on poll req the message itself, on ack only the count left.</summary>
public sealed record MessageQueueState(int Count, long Id, DateTimeOffset? QueuedAt = null, string? Text = null);

/// <summary>RFC 5730 section 2.6 &lt;extValue&gt;: the client's element that caused an error, and why.</summary>
public sealed record ErrorValue(XElement Element, string Reason);

/// <summary>What a handler answers; the response writer adds the envelope and transaction ids.</summary>
public sealed record EppResponse(int Code, string Message)
{
    public XElement? ResData { get; init; }
    /// <summary>Elements of the response's &lt;extension&gt; (rgp:infData, secDNS:infData …).</summary>
    public IReadOnlyList<XElement> Extensions { get; init; } = [];
    public MessageQueueState? MessageQueue { get; init; }
    public ErrorValue? ErrorValue { get; init; }
    public bool CloseConnection { get; init; }

    public static EppResponse Ok(XElement? resData = null) => new(ResultCode.Success, ResultCode.Text(ResultCode.Success)) { ResData = resData };

    public static EppResponse Pending(XElement? resData = null) =>
        new(ResultCode.SuccessPending, ResultCode.Text(ResultCode.SuccessPending)) { ResData = resData };

    public static EppResponse Failure(int code, string detail) =>
        new(code, $"{ResultCode.Text(code)}: {detail}") { CloseConnection = ResultCode.ClosesConnection(code) };

    public static EppResponse Failure(EppCommandException refusal) =>
        Failure(refusal.Code, refusal.Detail) with { ErrorValue = refusal.Value is { } value ? new ErrorValue(value, refusal.Detail) : null };
}
