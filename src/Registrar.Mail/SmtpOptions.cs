using System.ComponentModel.DataAnnotations;

namespace Registrar.Mail;

/// <summary>Bound from the "Mail:Smtp" configuration section.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Mail:Smtp";

    [Required] public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)] public int Port { get; set; } = 25;

    /// <summary>None (a local sink only), StartTls or SslOnConnect.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress] public string FromAddress { get; set; } = "noreply@registrar.example";

    public string FromName { get; set; } = "Registrar";

    /// <summary>The registrar's mailbox that reads replies (RFC 5322 section 3.6.2), when From is a no-reply sender: notices
    /// ask the registrant to answer them (UA-2.3.1: a written explanation; KZ-App-4: how a breach was cured).</summary>
    [EmailAddress] public string? ReplyToAddress { get; set; }

    /// <summary>The domain part of Message-Id headers, so a resent notice keeps its id.</summary>
    [Required] public string MessageIdDomain { get; set; } = "registrar.example";

    /// <summary>How long an idle session is kept for the next message; servers close idle sessions after minutes.</summary>
    public TimeSpan ReuseConnectionFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sessions open at once at most; a message beyond them waits for one. Servers refuse a client that opens many
    /// (a 421 "too many connections"), and the timer sweep alone may send dozens of notices at the same moment.</summary>
    [Range(1, 64)] public int MaxConnections { get; set; } = 8;

    /// <summary>Idle sessions kept at most: about as many as notices are sent at once, no more than <see cref="MaxConnections"/>.</summary>
    [Range(0, 64)] public int IdleConnections { get; set; } = 8;
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
