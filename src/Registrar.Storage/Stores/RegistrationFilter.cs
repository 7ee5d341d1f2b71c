using Registrar.Core.Registrations;

namespace Registrar.Storage.Stores;

/// <summary>Which registrations operations list; every filter given must hold. Null filters everything in.</summary>
/// <param name="ExpiresFrom">With <paramref name="ExpiresTo"/>, the expiry window [from, to): only registrations live at the
/// registry have an expiry that counts.</param>
/// <param name="Overdue">KZ-2.1: only registrations still being carried out past their deadline (<see cref="RegistrationView.IsOverdue"/>).</param>
public sealed record RegistrationFilter(
    RegistrationPhase? Phase = null,
    string? Zone = null,
    string? CustomerId = null,
    DateTimeOffset? ExpiresFrom = null,
    DateTimeOffset? ExpiresTo = null,
    bool Overdue = false)
{
    public bool HasExpiryWindow => ExpiresFrom is not null || ExpiresTo is not null;

    public bool Matches(RegistrationView view, DateTimeOffset now) =>
        (Phase is null || view.Phase == Phase)
        && (Zone is null || view.Zone == Zone)
        && (CustomerId is null || view.CustomerId == CustomerId)
        && (!HasExpiryWindow || IsInExpiryWindow(view))
        && (!Overdue || view.IsOverdue(now));

    private bool IsInExpiryWindow(RegistrationView view) =>
        IRegistrationViews.IsLiveAtRegistry(view.Phase) && view.ExpiresAt is { } expires
        && (ExpiresFrom is not { } from || expires >= from) && (ExpiresTo is not { } to || expires < to);
}
