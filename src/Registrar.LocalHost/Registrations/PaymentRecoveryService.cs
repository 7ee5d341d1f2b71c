using Registrar.Api.Banks;

namespace Registrar.LocalHost.Registrations;

/// <summary>Runs <see cref="UnprocessedPaymentRecovery"/> at start and then every minute.</summary>
public sealed class PaymentRecoveryService(UnprocessedPaymentRecovery recovery, ILogger<PaymentRecoveryService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await recovery.RecoverAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Payment recovery pass failed; the next pass tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
