namespace Registrar.Testing;

/// <summary>An SMTP server the local host mails to: MailDev for the tests, which read what was mailed, or a counter for
/// the benchmarks.</summary>
public interface ISmtpSink : IAsyncLifetime
{
    int SmtpPort { get; }
}
