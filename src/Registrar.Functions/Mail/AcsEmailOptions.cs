using System.ComponentModel.DataAnnotations;

namespace Registrar.Functions.Mail;

/// <summary>Azure Communication Services Email, bound from "Mail:Acs" (infra/main.bicep sets both).</summary>
public sealed class AcsEmailOptions
{
    public const string Section = "Mail:Acs";

    /// <summary>The Communication Services resource, e.g. https://acs-xyz.europe.communication.azure.com.</summary>
    [Required] public Uri Endpoint { get; set; } = null!;

    /// <summary>A sender of the linked Email domain, e.g. DoNotReply@&lt;guid&gt;.azurecomm.net.</summary>
    [Required, EmailAddress] public string SenderAddress { get; set; } = "";
}
