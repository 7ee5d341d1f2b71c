using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Registrar.Api.Privacy;
using Registrar.Core.Lifecycle;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Tests.Privacy;

/// <summary>UA-Pre-6: an erasure leaves the schedule only once carried out, the lifecycle's history included.</summary>
public sealed class PersonalDataErasureCheckTests
{
    private static readonly DateTimeOffset Now = new(2031, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UA_Pre_6_an_erasure_whose_lifecycle_has_not_finished_erases_nothing_and_is_asked_again_an_hour_later()
    {
        var due = new ErasureDue("O1-0", "cust-1", Now.AddHours(-2), ErasureGround.ErasureRequest);
        var schedule = new ListedSchedule([due]);
        var notices = new Mock<INoticeStore<SendNotice>>(MockBehavior.Strict);
        var views = new Mock<IRegistrationViews>();
        views.Setup(v => v.FindAsync("O1-0", It.IsAny<CancellationToken>())).ReturnsAsync(
            new RegistrationView("O1-0", "cust-1", "example.kz", "example.kz", "kz", RegistrationPhase.Deleted, null, EndedAt: Now.AddDays(-1)));
        using var services = Services(schedule, views.Object, notices.Object);
        var history = new Mock<ILifecycleHistoryEraser>();
        history.Setup(h => h.EraseAsync("O1-0", It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var erased = await services.GetRequiredService<PersonalDataErasureCheck>().RunAsync(history.Object, default);

        Assert.Equal(0, erased);
        Assert.Equal([due with { DueAt = Now + PersonalDataErasureCheck.LifecycleRunningRetry }], schedule.Erasures);
        // Nothing else was erased (the strict notice store was never asked) while the lifecycle could still write the data.
        notices.VerifyNoOtherCalls();
    }

    private static ServiceProvider Services(IErasureSchedule schedule, IRegistrationViews views, INoticeStore<SendNotice> notices)
    {
        var key = Convert.ToBase64String(new byte[32]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Notices:SetPasswordSigningKey"] = key,
            ["Notices:RequestConfirmationSigningKey"] = key,
            ["TransferCodes:SigningKey"] = key,
        }).Build();
        return new ServiceCollection().AddLogging().AddRegistrar(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddSingleton(schedule)
            .AddSingleton(views)
            .AddSingleton(notices)
            .BuildServiceProvider();
    }

    /// <summary>The schedule as a list, so a test reads what is left in it.</summary>
    private sealed class ListedSchedule(IEnumerable<ErasureDue> erasures) : IErasureSchedule
    {
        public List<ErasureDue> Erasures { get; } = [.. erasures];

        public Task ScheduleAsync(ErasureDue due, CancellationToken ct)
        {
            if (!Erasures.Contains(due)) Erasures.Add(due);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<ErasureDue>> DueAsync(DateTimeOffset now, int max, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<ErasureDue>>([.. Erasures.Where(e => e.DueAt <= now).OrderBy(e => e.DueAt).Take(max)]);

        public Task RemoveAsync(ErasureDue due, CancellationToken ct)
        {
            Erasures.Remove(due);
            return Task.CompletedTask;
        }
    }
}
