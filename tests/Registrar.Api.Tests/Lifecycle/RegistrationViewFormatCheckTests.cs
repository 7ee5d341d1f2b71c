using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Api.Lifecycle;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Api.Tests.Lifecycle;

/// <summary>A deploy that adds members to the customers' views (the contract's end, a suspension) has the registrations whose
/// views were kept without them record them again, so the storefront's checks read what each state holds.</summary>
public sealed class RegistrationViewFormatCheckTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly StorageClients storage = new(
        new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "v" + Guid.NewGuid().ToString("N")[..10] }, new StorageMeter());
    private readonly RaisedEvents raised = new();

    private static RegistrationView View(string id, RegistrationPhase phase) =>
        new(id, "cust-" + id, id + ".kz", id + ".kz", "kz", phase, new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A view as versions before the format kept it: no format recorded.</summary>
    private async Task KeptEarlierAsync(RegistrationView view)
    {
        var table = storage.Table("registrationviews");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(view.CustomerId, view.RegistrationId)
        {
            [DocumentTable.DocumentColumn] = JsonSerializer.Serialize(new { View = view, Sequence = 3 }, DocumentTable.Json),
        });
    }

    [Fact]
    public async Task Each_registration_not_ended_whose_view_is_of_an_earlier_format_is_asked_once_to_record_it_again()
    {
        using var views = new RegistrationViewStore(storage);
        await KeptEarlierAsync(View("old-live", RegistrationPhase.Registered));
        await KeptEarlierAsync(View("old-ended", RegistrationPhase.Deleted));
        await views.RecordAsync(View("current", RegistrationPhase.Registered), 4, default);
        var check = new RegistrationViewFormatCheck(views, raised, NullLogger<RegistrationViewFormatCheck>.Instance);

        Assert.Equal(1, await check.RunAsync(default));
        Assert.Equal(0, await check.RunAsync(default));

        var (instance, eventId, @event) = Assert.Single(raised.All);
        Assert.Equal(("old-live", $"view-format:{RegistrationView.CurrentFormat}:old-live"), (instance, eventId));
        Assert.Equal(eventId, Assert.IsType<ViewRecordAgainRequested>(@event).EventId);
        Assert.Equal(RegistrationView.CurrentFormat, await views.FormatReachedAsync(default));
    }

    private sealed class RaisedEvents : ILifecycleEvents<RegistrationEvent>
    {
        public List<(string InstanceId, string EventId, RegistrationEvent Event)> All { get; } = [];

        public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken)
        {
            All.Add((instanceId, eventId, @event));
            return Task.CompletedTask;
        }
    }
}
