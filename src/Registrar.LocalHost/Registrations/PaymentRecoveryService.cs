using Registrar.Api.Banks;
using Registrar.LocalHost.Runtime;

namespace Registrar.LocalHost.Registrations;

/// <summary>Runs <see cref="UnprocessedPaymentRecovery"/> at start and then every minute.</summary>
public sealed class PaymentRecoveryService(UnprocessedPaymentRecovery recovery, TimeProvider clock, ILogger<PaymentRecoveryService> logger)
    : RecurringService(TimeSpan.FromMinutes(1), atStart: true, clock, logger)
{
    protected override string Work => "Payment recovery pass";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => recovery.RecoverAsync(cancellationToken);
}
