using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Tests.Operations;

/// <summary>UA-2.3.1, KZ-App-2, UA-2.2.3, KZ-App-9: the audit entry of a decision keeps what was decided on, beyond its kind:
/// the ground, the decision's document, the agreement. It outlives the state that held them, which a later unsuspend or
/// unblock clears.</summary>
public sealed class DecisionAuditTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private readonly RecordedAudit _audit = new();

    [Fact]
    public async Task A_suspension_is_audited_with_its_ground_and_the_offers_clause_UA_2_3_1()
    {
        await DecideAsync(new SuspendService(SuspensionGround.Malware));

        var entry = Assert.Single(_audit.Entries);
        Assert.Equal(("suspend", "ops (Anna)"), (entry.Action, entry.Actor));
        Assert.Equal("Malware (UA-2.3.1.4)", entry.Details.Decision);
    }

    [Theory]
    [InlineData(DisputeOutcome.Block)]
    [InlineData(DisputeOutcome.Unblock)]
    [InlineData(DisputeOutcome.Delete)]
    public async Task A_dispute_decision_is_audited_with_its_outcome_and_document_KZ_App_2_UA_2_2_3(DisputeOutcome outcome)
    {
        await DecideAsync(new DisputeDecision(outcome, "WIPO case DUA2027-0012, 2027-04-30", "UA-2.2.3"));

        Assert.Equal($"{outcome} on WIPO case DUA2027-0012, 2027-04-30 (UA-2.2.3)", Assert.Single(_audit.Entries).Details.Decision);
    }

    [Fact]
    public async Task A_redelegation_is_audited_with_its_document_but_not_the_new_registrants_personal_data_KZ_App_2()
    {
        var registrant = new RegistrantData(RegistrantKind.NaturalPerson,
            new PostalAddress("KZ", "050000", "Алматы", "Алматы", "Абая", "1", "2"), "new@example.kz", "+7.7271234567", FullName: "Петров Пётр");

        await DecideAsync(new DisputeDecision(DisputeOutcome.Redelegate, "Court ruling 2-123/2027", "KZ-App-2", registrant));

        var decision = Assert.Single(_audit.Entries).Details.Decision;
        Assert.Equal("Redelegate on Court ruling 2-123/2027 (KZ-App-2)", decision);
    }

    [Fact]
    public async Task A_transfer_restriction_is_audited_with_the_agreement_that_forbids_the_transfer_KZ_App_9()
    {
        await DecideAsync(new RestrictTransfer("Pledge agreement 12/2027", "KZ-App-9"));

        Assert.Equal("Pledge agreement 12/2027 (KZ-App-9)", Assert.Single(_audit.Entries).Details.Decision);
    }

    private Task DecideAsync(OperationsDecision decision) =>
        new RegistrationActions(new BankHarness.RecordedEvents(), _audit, null!, new FakeTimeProvider(Now))
            .DecideAsync("O0000000000000401-1", decision, Now, "as decided", new OperationsActor("ops", "Anna"), claim: null, default);

    private sealed class RecordedAudit : IAuditLog<RegistrationAudit>
    {
        public List<AuditEntry<RegistrationAudit>> Entries { get; } = [];

        public Task AppendAsync(AuditEntry<RegistrationAudit> entry, CancellationToken ct)
        {
            Entries.Add(entry);
            return Task.CompletedTask;
        }

        public async Task<bool> AppendOnceAsync(AuditEntry<RegistrationAudit> entry, string cause, CancellationToken ct)
        {
            if (Entries.Contains(entry)) return false;
            await AppendAsync(entry, ct);
            return true;
        }

        public IAsyncEnumerable<AuditEntry<RegistrationAudit>> ReadNewestFirstAsync(string subject, int max, CancellationToken ct) =>
            Entries.Where(e => e.Subject == subject).Reverse().ToAsyncEnumerable();
    }
}
