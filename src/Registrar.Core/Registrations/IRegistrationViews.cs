namespace Registrar.Core.Registrations;

/// <summary>The customers' view of their registrations, kept by <see cref="RecordRegistrationView"/> commands,
/// with the two lookups the registry gateway needs: by domain name and by when the registry was last asked.</summary>
public interface IRegistrationViews
{
    /// <summary>Keeps <paramref name="view"/> unless a view with a higher sequence is already kept.</summary>
    Task RecordAsync(RegistrationView view, int sequence, CancellationToken cancellationToken);

    /// <param name="likelyNew">The view's rows are most likely not written yet (<see cref="RecordRegistrationView.LikelyNew"/>): a
    /// store may add them without reading them first.</param>
    Task RecordAsync(RegistrationView view, int sequence, bool likelyNew, CancellationToken cancellationToken) =>
        RecordAsync(view, sequence, cancellationToken);

    IAsyncEnumerable<RegistrationView> ListAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>One registration of one customer: null when it is not theirs or has not started (only a payment starts one).</summary>
    Task<RegistrationView?> GetAsync(string customerId, string registrationId, CancellationToken cancellationToken);

    /// <summary>A registration whoever its customer (operations): null when none has started under that id.</summary>
    Task<RegistrationView?> FindAsync(string registrationId, CancellationToken cancellationToken);

    /// <summary>As <see cref="FindAsync"/>, with the sequence the view was recorded at: decisions judged on the same record read
    /// the same sequence, so one of them can be claimed for it (<see cref="IRegistrationDecisionClaims"/>).</summary>
    Task<SequencedRegistrationView?> FindSequencedAsync(string registrationId, CancellationToken cancellationToken);

    /// <summary>The registration a registry message about <paramref name="domainName"/> (A-label) concerns: the one
    /// live at the registry when there is one, else the last recorded for the name; null when none of ours names it.</summary>
    Task<RegistrationView?> FindByDomainAsync(string domainName, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> registrations live at the registry, the longest unchecked first.</summary>
    Task<IReadOnlyList<RegistryCheckDue>> DueForRegistryCheckAsync(int count, CancellationToken cancellationToken);

    /// <summary>The registry was asked about the registration at <paramref name="checkedAt"/>: it goes to the back of the line.</summary>
    Task MarkRegistryCheckedAsync(string registrationId, DateTimeOffset checkedAt, CancellationToken cancellationToken);

    /// <summary>The registry holds (or is about to hold, or is taking away) the domain for this registration, so its
    /// messages and the reconciliation sweep concern it. Before payment, under trademark review, after the name was
    /// taken by someone else and once it ended (closed, deleted, transferred away), the registry has nothing of ours.</summary>
    static bool IsLiveAtRegistry(RegistrationPhase phase) => phase is not (RegistrationPhase.AwaitingPayment
        or RegistrationPhase.AwaitingTrademarkReview or RegistrationPhase.NameTaken or RegistrationPhase.Closed
        or RegistrationPhase.Deleted or RegistrationPhase.TransferredAway);
}

/// <summary>A registration's view and the sequence it was recorded at, which a later record of it exceeds.</summary>
public sealed record SequencedRegistrationView(RegistrationView View, int Sequence);

/// <summary>A registration the reconciliation sweep is to read at its registry.</summary>
/// <param name="LastCheckedAt">Null when the registry was never asked since the registration went live.</param>
public sealed record RegistryCheckDue(string RegistrationId, string Zone, string DomainName, DateTimeOffset? LastCheckedAt);
