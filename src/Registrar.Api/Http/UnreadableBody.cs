using Microsoft.AspNetCore.Http;

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
    public const string Detail = "The request body could not be read: its framing (chunk sizes or Content-Length) is broken or it stopped arriving.";

    public static bool Is(Exception exception) =>
        exception is BadHttpRequestException or UnreadableBodyException || (exception.InnerException is { } inner && Is(inner));

    public static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException { StatusCode: >= 400 and < 500 } bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
}

/// <summary>Reading the request body failed (<see cref="RawBody"/>): the connection broke or the body stopped arriving.</summary>
public sealed class UnreadableBodyException(IOException cause) : IOException(cause.Message, cause);
