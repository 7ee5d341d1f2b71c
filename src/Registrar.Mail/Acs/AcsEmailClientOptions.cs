using Azure.Core;

namespace Registrar.Mail.Acs;

/// <summary>
/// The HTTP pipeline's settings for the Communication Services Email client: transport, and the retry
/// policy that retries 408, 429 and 5xx answers, waiting at least the service's Retry-After. Registered
/// as a singleton so a host (or a test, with a short <see cref="ClientOptions.Retry"/> delay and its
/// own transport) can replace it.
/// </summary>
public sealed class AcsEmailClientOptions : ClientOptions;
