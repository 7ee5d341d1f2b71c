using Microsoft.Extensions.Logging;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;

namespace Registrar.Api.Lifecycle;

/// <summary>
/// After a deploy that raised <see cref="RegistrationView.CurrentFormat"/>: each registration not ended whose view was kept in an
/// earlier format is asked to record it again, so the storefront's and operations' checks read what its state holds (a
/// suspension, the contract's end) rather than a view that lacks it. The event id names the format, so a run cut short and
/// run again asks each registration once; the format reached is marked only after every one was asked.
/// </summary>
public sealed class RegistrationViewFormatCheck(
    IRegistrationViewFormats views, ILifecycleEvents<RegistrationEvent> registrations, ILogger<RegistrationViewFormatCheck> logger)
{
    /// <returns>How many registrations were asked to record their view again.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (await views.FormatReachedAsync(cancellationToken) >= RegistrationView.CurrentFormat) return 0;
        var asked = 0;
        await foreach (var registrationId in views.OutdatedAsync(cancellationToken))
        {
            var eventId = $"view-format:{RegistrationView.CurrentFormat}:{registrationId}";
            await registrations.RaiseAsync(registrationId, eventId, new ViewRecordAgainRequested(eventId), cancellationToken);
            asked++;
        }
        await views.MarkFormatReachedAsync(RegistrationView.CurrentFormat, cancellationToken);
        logger.LogInformation("{Asked} registrations asked to record their view in format {Format}", asked, RegistrationView.CurrentFormat);
        return asked;
    }
}
