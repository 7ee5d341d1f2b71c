using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Registrar.RegistrySimulator.Commands;
using Registrar.RegistrySimulator.Faults;
using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Transport;

namespace Registrar.RegistrySimulator.Control;

public sealed record ClockBody(DateTimeOffset Now);
public sealed record AdvanceBody(TimeSpan By);
public sealed record StatusChangeBody(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);
public sealed record BillingBody(bool Blocked);
public sealed record ReviewBody(bool UnderReview);
public sealed record ReviewDecisionBody(bool Approved);

/// <summary>The loopback HTTP API tests and the local host use to drive the simulator: clock, faults,
/// counters, reset, and read-only views of domains.</summary>
public static class ControlApi
{
    private static readonly string[] ServerStatuses =
        ["serverHold", "serverTransferProhibited", "serverUpdateProhibited", "serverDeleteProhibited", "serverRenewProhibited"];

    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stats", (CommandStatistics stats, SessionRegistry sessions) =>
            Results.Ok(new { commands = stats.Snapshot(), sessions = sessions.Total }));

        app.MapGet("/clock", (SimulatorClock clock) => Results.Ok(new ClockBody(clock.GetUtcNow())));
        app.MapPut("/clock", (ClockBody body, SimulatorClock clock, RegistryStore store) =>
            Results.Ok(new ClockBody(Swept(store, clock.Set(body.Now)))));
        app.MapPost("/clock/advance", (AdvanceBody body, SimulatorClock clock, RegistryStore store) =>
            body.By < TimeSpan.Zero
                ? Results.Problem($"by must not be negative (it was {body.By}); use PUT /clock to move back.", statusCode: 400)
                : Results.Ok(new ClockBody(Swept(store, clock.Advance(body.By)))));

        app.MapGet("/faults", (FaultInjector faults) => Results.Ok(faults.Settings));
        app.MapPut("/faults", (FaultSettings body, FaultInjector faults) =>
        {
            if (body.Validate() is { } problem) return Results.Problem(problem, statusCode: 400);
            faults.Configure(body);
            return Results.Ok(faults.Settings);
        });

        app.MapPost("/reset", (RegistryStore store, FaultInjector faults, CommandStatistics stats, RegistrarAccounts accounts) =>
        {
            lock (store.Sync) store.Reset();
            faults.Reset();
            stats.Reset();
            accounts.Reset();
            return Results.NoContent();
        });

        app.MapGet("/domains", (RegistryStore store) =>
        {
            lock (store.Sync) return Results.Ok(store.Domains.Keys.Order(StringComparer.Ordinal).ToList());
        });
        app.MapGet("/domains/{name}", (string name, RegistryStore store, SimulatorClock clock) =>
        {
            lock (store.Sync)
            {
                store.Sweep(clock.GetUtcNow());
                return store.Domains.TryGetValue(name, out var domain)
                    ? Results.Ok(DomainView.Of(domain))
                    : Results.NotFound(new { error = $"{name} is not registered in the simulator." });
            }
        });
        app.MapGet("/contacts/{id}", (string id, RegistryStore store) =>
        {
            lock (store.Sync)
            {
                return store.Contacts.TryGetValue(id, out var contact)
                    ? Results.Ok(new { contact.Id, contact.SponsorId, contact.Details, contact.UpdatedAt, Held = contact.HeldUpdate is not null })
                    : Results.NotFound(new { error = $"contact {id} does not exist in the simulator." });
            }
        });
        app.MapPut("/contacts/{id}/review", (string id, ReviewBody body, RegistryStore store) =>
        {
            lock (store.Sync)
            {
                if (!store.Contacts.TryGetValue(id, out var contact)) return Results.NotFound(new { error = $"contact {id} does not exist in the simulator." });
                contact.UnderReview = body.UnderReview;
                return Results.NoContent();
            }
        });
        // The review's decision on the held update: carried out or not, the sponsor is told by a panData poll message (RFC 5733 section 3.3).
        app.MapPost("/contacts/{id}/review/decision", (string id, ReviewDecisionBody body, RegistryStore store, SimulatorClock clock) =>
        {
            lock (store.Sync)
            {
                if (!store.Contacts.TryGetValue(id, out var contact)) return Results.NotFound(new { error = $"contact {id} does not exist in the simulator." });
                if (contact.HeldUpdate is not { } held) return Results.Conflict(new { error = $"contact {id} has no update waiting for review." });
                if (body.Approved) held.Apply();
                contact.HeldUpdate = null;
                var now = clock.GetUtcNow();
                store.Enqueue(contact.SponsorId, now, $"Update of contact {id} was {(body.Approved ? "approved" : "rejected")} by review.",
                    new ContactPendingActionNotice(id, body.Approved, held.Transaction, now));
                return Results.NoContent();
            }
        });
        app.MapPost("/domains/{name}/statuses", (string name, StatusChangeBody body, RegistryStore store) =>
        {
            var unknown = (body.Add ?? []).Concat(body.Remove ?? []).Where(s => !ServerStatuses.Contains(s)).ToList();
            if (unknown.Count > 0)
                return Results.Problem($"Only server statuses can be set here ({string.Join(", ", ServerStatuses)}); not {string.Join(", ", unknown)}.", statusCode: 400);
            lock (store.Sync)
            {
                if (!store.Domains.TryGetValue(name, out var domain)) return Results.NotFound(new { error = $"{name} is not registered in the simulator." });
                foreach (var status in body.Add ?? []) domain.Statuses.Add(status);
                foreach (var status in body.Remove ?? []) domain.Statuses.Remove(status);
                return Results.Ok(DomainView.Of(domain));
            }
        });

        app.MapGet("/zones", (RegistryStore store) => Results.Ok(store.Zones));
        app.MapPut("/zones/{zone}", (string zone, ZoneSettings body, RegistryStore store) =>
        {
            if (body.Validate() is { } problem) return Results.Problem($"Zone {zone}: {problem}", statusCode: 400);
            store.SetZone(zone, body);
            return Results.Ok(body);
        });

        app.MapPut("/registrars/{clientId}/billing", (string clientId, BillingBody body, RegistrarAccounts accounts) =>
        {
            if (!accounts.Exists(clientId)) return Results.NotFound(new { error = $"No registrar {clientId} is configured." });
            accounts.SetBillingBlocked(clientId, body.Blocked);
            return Results.NoContent();
        });
    }

    private static DateTimeOffset Swept(RegistryStore store, DateTimeOffset now)
    {
        lock (store.Sync) store.Sweep(now);
        return now;
    }
}

public sealed record DomainView(
    string Name, string Roid, string Sponsor, string Registrant, IReadOnlyList<string> Statuses, string? RgpStatus,
    string Phase, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? DeletionStartedAt,
    IReadOnlyList<string> NameServers, IReadOnlyDictionary<string, string[]> Contacts, string AuthInfo, string? Licence,
    string? TransferStatus, string? TransferRequestedBy, IReadOnlyList<DsRecord> DsData)
{
    public static DomainView Of(Domain d) => new(
        d.Name, d.Roid, d.SponsorId, d.Registrant, d.EffectiveStatuses(), d.RgpStatus, d.Phase.ToString(), d.CreatedAt,
        d.ExpiresAt, d.DeletionStartedAt, d.NameServers.ToList(),
        d.Contacts.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray()),
        d.AuthInfo, d.Licence, d.LastTransfer?.StatusText, d.LastTransfer?.RequestingId, d.DsData.ToList());
}
