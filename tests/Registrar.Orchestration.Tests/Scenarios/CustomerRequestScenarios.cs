using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using static Registrar.Orchestration.Tests.Scenarios.LifecycleScenarios;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>Customer requests on a registered domain, proved before anything is done (KZ-5.3, UA-4.7, UA-1.5.8).</summary>
public static class CustomerRequestScenarios
{
    public static async Task EarlyDeletionOnConfirmation(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(200);
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));

        var confirmation = await run.RaiseAsync(new CustomerRequestMade("request:req-1", "req-1", new EarlyDeletionRequest()), typeof(SendNotice));
        var notice = confirmation.OfType<SendNotice>().Single();
        Assert.Equal((NoticeKind.RequestConfirmation, "req-1"), (notice.Kind, notice.Facts!.RequestId));

        // UA-1.5.8: a signed-in session does not prove abandoning a domain; operations hear of it, the domain stays.
        await run.RaiseAsync(new CustomerRequestProved("proved:req-0", "req-0", new EarlyDeletionRequest(), RequestProof.SignedInSession),
            typeof(FlagForOperations));
        await run.SettlesInAsync(RegistrationPhase.Registered);

        var proved = new CustomerRequestProved("proved:req-1", "req-1", new EarlyDeletionRequest(), RequestProof.ContactEmail);
        var delete = await run.RaiseAsync(proved, typeof(DeleteDomain), typeof(RecordRegistrationView));
        Assert.Equal("example.com.ua", delete.OfType<DeleteDomain>().Single().DomainName);
        await run.RaiseAsync(proved);

        var deleted = await run.AnswerAsync(new DomainDeleted(), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.DeletedOnRequest, deleted.OfType<SendNotice>().Single().Kind);
        var state = await run.SettlesInAsync(RegistrationPhase.Deleted);
        Assert.Equal("req-1", state.DeletionRequestId);
    }
}
