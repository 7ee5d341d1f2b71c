using System.Net.Http.Json;
using Registrar.Core.Registrations;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;
using static Registrar.Registry.Tests.Support.SimulatedRegistries;

namespace Registrar.Registry.Tests;

/// <summary>Renew, delete, restore and info through the gateway against the registry simulator over real TLS: what
/// the registration decider is told about a domain's life after registration.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class RegistryLifecycleCommandTests(RegistrySimulatorFixture simulator) : IAsyncLifetime
{
    private SimulatedRegistries _registries = null!;

    private RegistryCommandExecutor Executor => _registries.Executor;

    public async Task InitializeAsync()
    {
        await ResetAsync(simulator);
        _registries = new SimulatedRegistries(simulator);
    }

    public async Task DisposeAsync() => await _registries.DisposeAsync();

    private async Task<DomainInfo> QueryAsync(string registration, string zone, string name) =>
        Assert.IsType<DomainInfo>(await Executor.ExecuteAsync(new QueryDomain(registration + "-q" + Guid.NewGuid().ToString("N")[..4], registration, zone, name), default));

    [Fact]
    public async Task A_renewal_names_the_current_expiry_as_the_registry_dated_it_and_reports_the_registrys_new_expiry_UA_1_7()
    {
        var (registration, name) = (NewRegistrationId(), NewName("kz"));
        var created = await _registries.RegisterAsync(registration, "kz", name);

        var outcome = await Executor.ExecuteAsync(new RenewDomain(registration + "-3", registration, "kz", name, created.ExpiresAt, 2), default);

        var renewed = Assert.IsType<DomainRenewed>(outcome);
        Assert.Equal(created.ExpiresAt.AddYears(2), renewed.ExpiresAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_renewal_repeated_after_a_lost_answer_is_refused_by_the_registry_and_renews_once_UA_1_7()
    {
        var (registration, name) = (NewRegistrationId(), NewName("kz"));
        var created = await _registries.RegisterAsync(registration, "kz", name);
        var renew = new RenewDomain(registration + "-3", registration, "kz", name, created.ExpiresAt, 1);
        await simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 1, Commands = ["domain:renew"] });

        var lost = await Executor.ExecuteAsync(renew, default);
        await simulator.ClearFaultsAsync();
        var repeated = await Executor.ExecuteAsync(renew, default);

        Assert.IsType<OutcomeUnknown>(lost);
        var refused = Assert.IsType<RegistryRefused>(repeated);
        Assert.Equal(2306, refused.Code);
        Assert.Contains("curExpDate", refused.Message);
        Assert.Equal(created.ExpiresAt.AddYears(1), (await QueryAsync(registration, "kz", name)).ExpiresAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_kz_domain_deleted_at_the_registry_is_gone_at_once_KZ_2_8()
    {
        var (registration, name) = (NewRegistrationId(), NewName("kz"));
        await _registries.RegisterAsync(registration, "kz", name);

        var outcome = await Executor.ExecuteAsync(new DeleteDomain(registration + "-3", registration, "kz", name), default);

        Assert.IsType<DomainDeleted>(outcome);
        Assert.Null(await simulator.GetDomainAsync(name));
    }

    [Fact]
    public async Task A_ua_domain_deleted_at_the_registry_is_pending_in_redemption_and_info_says_so_UA_1_10_UA_1_12()
    {
        var (registration, name) = (NewRegistrationId(), NewName("com.ua"));
        await _registries.RegisterAsync(registration, "com.ua", name);

        var outcome = await Executor.ExecuteAsync(new DeleteDomain(registration + "-3", registration, "com.ua", name), default);
        var info = await QueryAsync(registration, "com.ua", name);

        Assert.IsType<RegistryPending>(outcome);
        Assert.True(info is { Exists: true, SponsorIsUs: true, InRedemption: true, PendingDelete: true });
        Assert.Contains("redemptionPeriod", info.Statuses);
    }

    [Fact]
    public async Task A_delete_of_a_name_the_registry_no_longer_has_is_deleted_as_asked_KZ_2_8()
    {
        var registration = NewRegistrationId();

        var outcome = await Executor.ExecuteAsync(new DeleteDomain(registration + "-3", registration, "kz", NewName("kz")), default);

        Assert.IsType<DomainDeleted>(outcome);
    }

    [Fact]
    public async Task A_ua_name_the_registry_deleted_for_non_renewal_is_restored_from_redemption_UA_1_12()
    {
        var (registration, name) = (NewRegistrationId(), NewName("com.ua"));
        var created = await _registries.RegisterAsync(registration, "com.ua", name);
        await simulator.SetClockAsync(created.ExpiresAt.AddDays(29));
        var before = await QueryAsync(registration, "com.ua", name);

        var outcome = await Executor.ExecuteAsync(new RestoreDomain(registration + "-3", registration, "com.ua", name), default);
        var after = await QueryAsync(registration, "com.ua", name);

        Assert.True(before.InRedemption);
        Assert.IsType<DomainRestored>(outcome);
        Assert.False(after.InRedemption || after.PendingDelete);
        Assert.True(after.ExpiresAt > created.ExpiresAt.AddDays(29));
    }

    [Fact]
    public async Task A_restore_the_registry_holds_until_a_restore_report_is_pending_not_restored_RFC_3915()
    {
        using var http = new HttpClient();
        var zone = await http.PutAsJsonAsync(new Uri(simulator.ControlUri, "zones/kz"), new
        {
            expiry = "DeleteAfterExpiry", redemptionDays = 30, pendingDeleteDays = 5, restoreReportRequired = true,
        });
        zone.EnsureSuccessStatusCode();
        var (registration, name) = (NewRegistrationId(), NewName("kz"));
        await _registries.RegisterAsync(registration, "kz", name);
        Assert.IsType<RegistryPending>(await Executor.ExecuteAsync(new DeleteDomain(registration + "-3", registration, "kz", name), default));

        var outcome = await Executor.ExecuteAsync(new RestoreDomain(registration + "-4", registration, "kz", name), default);

        Assert.IsType<RegistryPending>(outcome);
        Assert.Contains("pendingRestore", (await QueryAsync(registration, "kz", name)).Statuses);
    }

    [Fact]
    public async Task A_restore_of_a_name_not_in_redemption_is_refused_with_the_registrys_code()
    {
        var (registration, name) = (NewRegistrationId(), NewName("com.ua"));
        await _registries.RegisterAsync(registration, "com.ua", name);

        var outcome = await Executor.ExecuteAsync(new RestoreDomain(registration + "-3", registration, "com.ua", name), default);

        Assert.Equal(2304, Assert.IsType<RegistryRefused>(outcome).Code);
    }

    [Fact]
    public async Task Info_reports_the_registrys_statuses_for_the_domain()
    {
        var (registration, name) = (NewRegistrationId(), NewName("kz"));
        await _registries.RegisterAsync(registration, "kz", name);
        await simulator.SetServerStatusesAsync(name, add: ["serverHold", "serverRenewProhibited"]);

        var info = await QueryAsync(registration, "kz", name);

        // "inactive": the domain has no name servers (RFC 5731).
        Assert.Equal(["inactive", "serverHold", "serverRenewProhibited"], info.Statuses.Order(StringComparer.Ordinal));
        Assert.False(info.InRedemption);
    }
}
