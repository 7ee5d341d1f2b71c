using System.ComponentModel.DataAnnotations;

namespace Registrar.Mail.Acs;

/// <summary>Azure Communication Services Email, bound from "Mail:Acs" (infra/main.bicep sets Endpoint and SenderAddress).</summary>
public sealed class AcsEmailOptions : IValidatableObject
{
    public const string Section = "Mail:Acs";

    /// <summary>The Communication Services resource, e.g. https://acs-xyz.europe.communication.azure.com.</summary>
    [Required] public Uri? Endpoint { get; set; }

    /// <summary>A sender of the linked Email domain, e.g. DoNotReply@&lt;guid&gt;.azurecomm.net.</summary>
    [Required, EmailAddress] public string SenderAddress { get; set; } = "";

    /// <summary>The registrar's mailbox that reads replies, since the sender is a DoNotReply address: notices ask the
    /// registrant to answer them (UA-2.3.1: a written explanation; KZ-App-4: how a breach was cured). Required, and never at
    /// a host RFC 2606 reserves: the answers would be lost.</summary>
    [Required, EmailAddress] public string? ReplyToAddress { get; set; }

    /// <summary>The client id of a user-assigned managed identity. Unset, DefaultAzureCredential takes
    /// AZURE_CLIENT_ID from the environment, which infra/main.bicep sets for the Functions app.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How long a send may stay NotStarted or Running before it is given up as not confirmed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait between polls when the service gives no Retry-After (Azure SDKs poll each second).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The bearer token is only ever sent over TLS; a relative or http endpoint is a configuration mistake.
        if (Endpoint is { } endpoint && !(endpoint.IsAbsoluteUri && endpoint.Scheme == Uri.UriSchemeHttps))
            yield return new ValidationResult("Mail:Acs:Endpoint must be an absolute https URI.", [nameof(Endpoint)]);
        if (ReplyToAddress?.Split('@') is [_, var domain] && ReservedHosts.IsReserved(domain))
            yield return new ValidationResult($"Mail:Acs:ReplyToAddress is '{ReplyToAddress}', whose domain is reserved for documentation " +
                "(RFC 2606): set the registrar's mailbox that reads replies.", [nameof(ReplyToAddress)]);
    }
}
