namespace Registrar.Core.Contracts;

/// <summary>
/// UA-2.3.2: when the registrant breaches the contract, the registrar may end it on its own, sending a written e-mail
/// at the same time; the contract and the service end when that notice is sent, with no notice period.
/// </summary>
public sealed class BreachTermination(string rule)
{
    public TerminationEffect AfterNoticeSentAt(DateTimeOffset noticeSentAt) => new(noticeSentAt, rule);
}
