using Registrar.Core.Lifecycle;

namespace Registrar.Core.Registrations;

/// <summary>Collects one decision: the evolving state and the commands, each with the next stable id.</summary>
internal sealed class RegistrationStep(RegistrationState state)
{
    private readonly List<RegistrationCommand> _commands = [];
    private bool _viewAsked;

    public RegistrationState State { get; private set; } = state;

    public void Update(Func<RegistrationState, RegistrationState> change) => State = change(State);

    /// <summary>A registry command whose answer the registration then waits for; a wait to ask again set by an earlier stall
    /// (<see cref="RegistrationState.RetryRegistryAt"/>) is over, so a later stall of another cause waits for a person.</summary>
    public void AskRegistry(Func<string, RegistrationCommand> command)
    {
        var id = NextCommandId();
        Update(s => s with { AwaitedCommandId = id, RetryRegistryAt = null });
        _commands.Add(command(id));
    }

    /// <summary>A command that is not awaited, such as an invoice whose number comes back as its own event.</summary>
    public string Issue(Func<string, RegistrationCommand> command)
    {
        var id = NextCommandId();
        _commands.Add(command(id));
        return id;
    }

    /// <summary>A notice to the contact e-mail, or to <paramref name="to"/> (UA-4.7: the old address hears of its replacement).</summary>
    public void Notify(NoticeKind kind, NoticeFacts? facts = null, string? to = null)
    {
        var order = State.Order!;
        _commands.Add(new SendNotice(NextCommandId(), State.RegistrationId, kind, order.CustomerId, to ?? order.ContactEmail, order.Zone,
            order.DisplayName, facts, order.Language));
    }

    /// <param name="reviewItemId">The review item's id where something else resolves it (<see cref="FlagForOperations.ReviewItemId"/>).</param>
    public void Flag(string reason, string? reviewItemId = null) =>
        _commands.Add(new FlagForOperations(NextCommandId(), State.RegistrationId, reason, reviewItemId));

    /// <summary>A copy to decide a part on, which this step takes over with <see cref="Take"/>: a part that cannot be decided
    /// to the end leaves nothing half done behind.</summary>
    public RegistrationStep Draft()
    {
        var draft = new RegistrationStep(State);
        draft._commands.AddRange(_commands);
        return draft;
    }

    public void Take(RegistrationStep draft)
    {
        State = draft.State;
        _commands.Clear();
        _commands.AddRange(draft._commands);
    }

    /// <summary>A command issued before, sent again under its own id (its effect is keyed by it).</summary>
    public void Reissue(RegistrationCommand command) => _commands.Add(command);

    /// <summary>The decision; when the phase, expiry, a transfer restriction, the contract's end, a dispute block, a suspension, a
    /// breach notice, or what the registry shows of the domain (statuses, name servers) changed, it also records the customer's view
    /// of it, and when the registrant changed, the registrant.</summary>
    /// <summary>The view is recorded in this decision whatever changed (<see cref="ViewRecordAgainRequested"/>).</summary>
    public void RecordView() => _viewAsked = true;

    public Decision<RegistrationState, RegistrationCommand> Build(RegistrationState before, DateTimeOffset? wakeAt, DateTimeOffset now)
    {
        // UA-Pre-6: the instant the registration ended is kept, as the five years of retention run from it.
        DateTimeOffset? endedAt = State.Phase.HasEnded() ? State.EndedAt ?? now : null;
        if (endedAt != State.EndedAt) Update(s => s with { EndedAt = endedAt });
        if (State.Order is { } order && (_viewAsked || State.Phase != before.Phase || State.ExpiresAt != before.ExpiresAt || State.TransferRestriction != before.TransferRestriction
            || !State.RegistryStatuses.SequenceEqual(before.RegistryStatuses) || !SameNameServers(State.NameServers, before.NameServers)
            || ContractEnd.Of(State.Ending) != ContractEnd.Of(before.Ending) || State.DisputeBlock != before.DisputeBlock
            || State.Suspension != before.Suspension || State.Breach != before.Breach))
        {
            var view = new RegistrationView(State.RegistrationId, order.CustomerId, order.DomainName, order.DisplayName, order.Zone,
                State.Phase, State.ExpiresAt, State.EndedAt, RegistrationDecider.IsInProgress(State.Phase) ? State.DueBy : null,
                State.TransferRestriction?.Agreement, State.RegistryStatuses.Count > 0 ? State.RegistryStatuses : null, State.NameServers,
                ContractEnd.Of(State.Ending), State.DisputeBlock?.Since, State.Suspension?.Since, State.Breach?.CureDeadline);
            var id = NextCommandId();
            var likelyNew = before.Order is null || before.Phase is RegistrationPhase.CreatingContact or RegistrationPhase.CreatingDomain;
            _commands.Add(new RecordRegistrationView(id, State.RegistrationId, view, State.CommandsIssued, likelyNew));
        }
        // KZ-2.4, KZ-App-2, KZ-2.3: the registrant changed in this decision (a new one, or new contact details); WHOIS publishes
        // the one the registration holds now, not the one its order gave.
        if (State.Order?.Registrant is { } registrant && before.Order is { } previous && registrant != previous.Registrant)
        {
            var id = NextCommandId();
            _commands.Add(new RecordRegistrant(id, State.RegistrationId, registrant, State.CommandsIssued));
        }
        return new(State, _commands, wakeAt);
    }

    private static bool SameNameServers(IReadOnlyList<string>? now, IReadOnlyList<string>? before) =>
        now is null || before is null ? now == before : now.SequenceEqual(before);

    private string NextCommandId()
    {
        Update(s => s with { CommandsIssued = s.CommandsIssued + 1 });
        return RegistrationIds.Command(State.RegistrationId, State.CommandsIssued);
    }
}
