namespace Registrar.Core.Contracts;

/// <summary>KZ-2.1: what was paid for a registration whose name was taken, less the refunds decided before, held for the
/// customer's new order instead of refunded (the held payment <c>name-taken:{registration}</c>).</summary>
public sealed record HeldForAnotherName(Money.Money Amount, DateTimeOffset HeldAt);
