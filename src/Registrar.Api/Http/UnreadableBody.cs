using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Registrar.Api.Http;

/// <summary>
/// A request whose body breaks HTTP framing (a bad chunk size, fewer bytes than its Content-Length, a
/// body that stops arriving) or comes in a coding not decoded here (a 415 or a 501) is the client's fault: a 400 problem (or Kestrel's own 4xx), logged once at
/// Debug, never a 500 with a stack trace per request. Both hosts recognise it here. Only a failure of reading the
/// body counts: an I/O error of the server's own (storage or a registry out of reach, wrapped in their clients'
/// exceptions) is not the client's, and answering it with a 400 would tell the client not to try again.
/// </summary>
public static class UnreadableBody
{
    private static T? Find<T>(Exception? exception) where T : Exception =>
        exception is null ? null : exception as T ?? Find<T>(exception.InnerException);

    private const string Detail = "The request body could not be read: its framing (chunk sizes or Content-Length) is broken or it stopped arriving.";

    /// <remarks>ASP.NET Core's form reader throws <see cref="InvalidDataException"/> for a form it cannot read (a multipart body
    /// without its boundary, more fields than it takes); nothing of ours throws it.</remarks>
    public static bool Is(Exception exception) =>
        exception is BadHttpRequestException or UnreadableBodyException or InvalidDataException or UnsupportedContentCodingException
            or UnsupportedTransferCodingException
        || (exception.InnerException is { } inner && Is(inner));

    private static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException { StatusCode: >= 400 and < 500 } bad ? bad.StatusCode : StatusCodes.Status400BadRequest;

    /// <summary>The problem for it: a body over the server's limit (Kestrel's 413) is the body-too-large type, not a malformed one;
    /// a content coding not decoded here is a 415 whose Accept-Encoding says what is (RFC 9110 sections 15.5.16 and 12.5.3).</summary>
    public static ProblemDetails Problem(Exception exception, HttpResponse response)
    {
        if (Find<UnsupportedContentCodingException>(exception) is { } coding)
        {
            response.Headers.AcceptEncoding = "identity";
            return Of(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType,
                $"The body's Content-Encoding '{coding.Coding}' is not decoded here: send the body uncoded (identity).");
        }
        if (Find<UnsupportedTransferCodingException>(exception) is { } transfer)
            return Of(StatusCodes.Status501NotImplemented, ProblemTypes.TransferCodingNotImplemented,
                $"The body's Transfer-Encoding '{transfer.Coding}' is not decoded here: send it uncoded, chunked or with a Content-Length.");
        var status = StatusOf(exception);
        return status == StatusCodes.Status413PayloadTooLarge
            ? Of(status, ProblemTypes.BodyTooLarge, "The request body is larger than this server accepts.")
            : Of(status, ProblemTypes.MalformedBody, exception is InvalidDataException ? $"The form could not be read: {exception.Message}" : Detail);
    }

    private static ProblemDetails Of(int status, ProblemType type, string detail) =>
        new() { Status = status, Type = type.Uri, Title = type.Title, Detail = detail };
}

/// <summary>The request body is in a content coding (gzip, br…) that <see cref="RawBody"/> does not decode.</summary>
public sealed class UnsupportedContentCodingException(string coding) : Exception($"Content-Encoding '{coding}' is not decoded.")
{
    public string Coding { get; } = coding;
}

/// <summary>The request body is in a transfer coding other than chunked, which <see cref="RawBody"/> does not decode.</summary>
public sealed class UnsupportedTransferCodingException(string coding) : Exception($"Transfer-Encoding '{coding}' is not decoded.")
{
    public string Coding { get; } = coding;
}

/// <summary>Reading the request body failed (<see cref="RawBody"/>): the connection broke or the body stopped arriving.</summary>
public sealed class UnreadableBodyException(IOException cause) : IOException(cause.Message, cause);
