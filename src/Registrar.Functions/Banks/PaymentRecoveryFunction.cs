using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Registrar.Api.Banks;

namespace Registrar.Functions.Banks;

/// <summary>Every minute, applies bank credits that were recorded but not processed (a crash in between).</summary>
public sealed class PaymentRecoveryFunction(UnprocessedPaymentRecovery recovery, ILogger<PaymentRecoveryFunction> logger)
{
    [Function("RecoverUnprocessedPayments")]
    public async Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var recovered = await recovery.RecoverAsync(cancellationToken);
        if (recovered > 0) logger.LogWarning("Recovered {Count} unprocessed bank credits; next run {Next}", recovered, timer.ScheduleStatus?.Next);
    }
}
