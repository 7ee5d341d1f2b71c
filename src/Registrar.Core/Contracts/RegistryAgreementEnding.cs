namespace Registrar.Core.Contracts;

/// <param name="DomainsMayBeDeleted">The registry may delete the registrar's domains.</param>
/// <param name="Refund">Always zero: the registry does not refund the registrar.</param>
public sealed record RegistryAgreementOutcome(bool DomainsMayBeDeleted, Money.Money Refund, string Rule);

/// <summary>
/// UA-1.3.6: when the registry (Hostmaster) ends its agreements with the registrar, the contract ends with them: the
/// domains may be deleted, and the payment for them is not refunded, because the registry refunds nothing to the registrar.
/// </summary>
public sealed class RegistryAgreementEnding(string rule)
{
    /// <summary>The contract ends with the registry's agreement, at once: there is no notice period to wait out.</summary>
    public TerminationEffect EndsAt(DateTimeOffset agreementEndedAt) => new(agreementEndedAt, rule);

    public RegistryAgreementOutcome OutcomeFor(Money.Money paid) => new(true, Money.Money.Zero(paid.Currency), rule);
}
