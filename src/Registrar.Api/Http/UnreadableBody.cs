using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Registrar.Api.Http;

/// <summary>
/// A request whose body breaks HTTP framing (a bad chunk size, fewer bytes than its Content-Length, a
/// body that stops arriving) is the client's fault: a 400 problem (or Kestrel's own 4xx), logged once at
/// Debug, never a 500 with a stack trace per request. Both hosts recognise it here. Only a failure of reading the
/// body counts: an I/O error of the server's own (storage or a registry out of reach, wrapped in their clients'
/// exceptions) is not the client's, and answering it with a 400 would tell the client not to try again.
/// </summary>
public static class UnreadableBody
{
    private const string Detail = "The request body could not be read: its framing (chunk sizes or Content-Length) is broken or it stopped arriving.";

    /// <remarks>ASP.NET Core's form reader throws <see cref="InvalidDataException"/> for a form it cannot read (a multipart body
    /// without its boundary, more fields than it takes); nothing of ours throws it.</remarks>
    public static bool Is(Exception exception) =>
        exception is BadHttpRequestException or UnreadableBodyException or InvalidDataException || (exception.InnerException is { } inner && Is(inner));

    private static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException { StatusCode: >= 400 and < 500 } bad ? bad.StatusCode : StatusCodes.Status400BadRequest;

    /// <summary>The problem for it: a body over the server's limit (Kestrel's 413) is the body-too-large type, not a malformed one.</summary>
    public static ProblemDetails Problem(Exception exception)
    {
        var status = StatusOf(exception);
        var (type, detail) = status == StatusCodes.Status413PayloadTooLarge
            ? (ProblemTypes.BodyTooLarge, "The request body is larger than this server accepts.")
            : (ProblemTypes.MalformedBody, exception is InvalidDataException ? $"The form could not be read: {exception.Message}" : Detail);
        return new ProblemDetails { Status = status, Type = type.Uri, Title = type.Title, Detail = detail };
    }
}

/// <summary>Reading the request body failed (<see cref="RawBody"/>): the connection broke or the body stopped arriving.</summary>
public sealed class UnreadableBodyException(IOException cause) : IOException(cause.Message, cause);
