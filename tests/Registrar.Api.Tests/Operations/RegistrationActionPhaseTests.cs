using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;
using Registrar.Api.Tests.Retries;
using Registrar.Core.Operations;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Tests.Operations;

/// <summary>POST /api/ops/registrations/{id}/trademark and …/retry act only on a registration in the phase they are for, read
/// from its view before anything is raised: otherwise a 409 problem saying why, with no lifecycle event and no audit entry,
/// so the audit log never claims a trademark refused for a registered domain.</summary>
public sealed class RegistrationActionPhaseTests
{
    private const string RegistrationId = "O0000000000000401-1";
    private static readonly DateTimeOffset Now = new(2027, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly BankHarness.RecordedEvents _events = new();
    private readonly Mock<IAuditLog<RegistrationAudit>> _audit = new();
    private readonly FirstClaimStands _claims = new();
    private readonly Mock<IReviewList> _review = new();
    private RegistrationPhase _phase;
    private readonly List<ReviewItem> _open = [];

    [Fact]
    public async Task A_trademark_awaiting_its_review_is_approved_or_refused_and_audited_UA_Pre_7()
    {
        _phase = RegistrationPhase.AwaitingTrademarkReview;

        var result = await Handlers().ReviewTrademarkAsync(Trademark(approved: false), RegistrationId, default);

        Assert.Equal(StatusCodes.Status202Accepted, (result as IStatusCodeHttpResult)?.StatusCode);
        Assert.False(Assert.IsType<TrademarkReviewed>(Assert.Single(_events.Raised)).Approved);
        Assert.Equal([RegistrationActions.RefuseTrademarkAction], AuditedActions());
        // The review item that asked for it is resolved by it.
        _review.Verify(r => r.ResolveAsync(TrademarkReviewed.ReviewItemFor(RegistrationId), It.IsAny<string>(), It.Is<string>(n => n.Contains("UA-Pre-7")),
            Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_review_item_an_earlier_version_raised_under_its_flags_command_id_is_resolved_by_the_review_too_UA_Pre_7()
    {
        _phase = RegistrationPhase.AwaitingTrademarkReview;
        _open.Add(new ReviewItem(RegistrationId + "-1", "registration", RegistrationId, "flag",
            $"{TrademarkReviewed.ReviewRequest}shop.ua before it is registered (UA-Pre-7).", Now.AddDays(-2)));
        _open.Add(new ReviewItem(RegistrationId + "-2", "registration", RegistrationId, "flag", "Another matter.", Now.AddDays(-1)));

        await Handlers().ReviewTrademarkAsync(Trademark(approved: true), RegistrationId, default);

        _review.Verify(r => r.ResolveAsync(RegistrationId + "-1", It.IsAny<string>(), It.Is<string>(n => n.Contains("UA-Pre-7")), Now,
            It.IsAny<CancellationToken>()), Times.Once);
        _review.Verify(r => r.ResolveAsync(RegistrationId + "-2", It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(),
            It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Of_two_reviews_made_while_the_registration_still_awaits_one_only_the_first_is_raised_and_audited_UA_Pre_7()
    {
        // The view still says AwaitingTrademarkReview for the second review: the lifecycle has not yet written the first one's effect.
        _phase = RegistrationPhase.AwaitingTrademarkReview;
        var handlers = Handlers();

        var approval = await handlers.ReviewTrademarkAsync(Trademark(approved: true), RegistrationId, default);
        var refusal = await handlers.ReviewTrademarkAsync(Trademark(approved: false), RegistrationId, default);

        Assert.Equal(StatusCodes.Status202Accepted, (approval as IStatusCodeHttpResult)?.StatusCode);
        var problem = Assert.IsType<ProblemHttpResult>(refusal);
        Assert.Equal((StatusCodes.Status409Conflict, "/problems/conflict"), (problem.StatusCode, problem.ProblemDetails.Type));
        Assert.Contains("approved already", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        // Raising the same event id again is a no-op for the lifecycle, and the audit entry is appended once under that id.
        var raised = Assert.IsType<TrademarkReviewed>(Assert.Single(_events.Raised.DistinctBy(e => e.EventId)));
        Assert.True(raised.Approved);
        Assert.All(AuditedActions(), a => Assert.Equal(RegistrationActions.ApproveTrademarkAction, a));
        Assert.All(AuditedCauses(), c => Assert.Equal(raised.EventId, c));
    }

    [Fact]
    public async Task A_review_whose_request_stopped_after_it_was_claimed_is_carried_out_by_the_next_review_which_is_refused_UA_Pre_7()
    {
        _phase = RegistrationPhase.AwaitingTrademarkReview;
        var handlers = Handlers();
        _events.FailuresToCome = 1;
        await Assert.ThrowsAsync<IOException>(() => handlers.ReviewTrademarkAsync(Trademark(approved: false), RegistrationId, default));

        var next = await handlers.ReviewTrademarkAsync(Trademark(approved: true), RegistrationId, default);

        Assert.Equal(StatusCodes.Status409Conflict, (next as IStatusCodeHttpResult)?.StatusCode);
        Assert.False(Assert.IsType<TrademarkReviewed>(Assert.Single(_events.Raised)).Approved);
        Assert.Equal([RegistrationActions.RefuseTrademarkAction], AuditedActions());
        // The review item that asked for it is resolved by it.
        _review.Verify(r => r.ResolveAsync(TrademarkReviewed.ReviewItemFor(RegistrationId), It.IsAny<string>(), It.Is<string>(n => n.Contains("UA-Pre-7")),
            Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(RegistrationPhase.CreatingContact, true)] // approved already, or a .com.ua name that needs no trademark
    [InlineData(RegistrationPhase.CreatingDomain, true)]
    [InlineData(RegistrationPhase.Registered, false)]
    [InlineData(RegistrationPhase.Closed, false)]
    public async Task A_trademark_review_of_a_registration_not_awaiting_one_is_a_conflict_that_records_nothing_UA_Pre_7(RegistrationPhase phase, bool approved)
    {
        _phase = phase;

        var result = await Handlers().ReviewTrademarkAsync(Trademark(approved), RegistrationId, default);

        AssertConflict(result, $"is {phase}", "UA-Pre-7");
    }

    [Fact]
    public async Task A_stalled_registration_is_tried_again_and_audited()
    {
        _phase = RegistrationPhase.Stalled;

        var result = await Handlers().RetryRegistrationAsync(Retry(), RegistrationId, default);

        Assert.Equal(StatusCodes.Status202Accepted, (result as IStatusCodeHttpResult)?.StatusCode);
        Assert.IsType<OperationsRetried>(Assert.Single(_events.Raised));
        _audit.Verify(a => a.AppendAsync(It.Is<AuditEntry<RegistrationAudit>>(e => e.Action == RegistrationActions.RetryAction),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(RegistrationPhase.Registered)]
    [InlineData(RegistrationPhase.Expired)]
    public async Task A_retry_of_a_registration_in_another_phase_is_taken_as_its_failed_mail_and_records_are_tried_again_in_any(RegistrationPhase phase)
    {
        _phase = phase;

        var result = await Handlers().RetryRegistrationAsync(Retry(), RegistrationId, default);

        Assert.Equal(StatusCodes.Status202Accepted, (result as IStatusCodeHttpResult)?.StatusCode);
        Assert.IsType<OperationsRetried>(Assert.Single(_events.Raised));
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(true, "  ")]
    [InlineData(false, null)]
    public async Task A_trademark_review_without_a_reason_is_a_400_naming_it_with_nothing_raised_or_audited_UA_Pre_7(bool approved, string? reason)
    {
        _phase = RegistrationPhase.AwaitingTrademarkReview;
        var request = RetryHarness.Post($"/api/ops/registrations/{RegistrationId}/trademark", new { approved, reason }, idempotencyKey: null);

        var result = await Handlers().ReviewTrademarkAsync(request, RegistrationId, default);

        AssertReasonAsked(result);
    }

    [Fact]
    public async Task A_retry_without_saying_what_was_fixed_is_a_400_naming_the_reason_with_nothing_raised_or_audited()
    {
        _phase = RegistrationPhase.Stalled;
        var request = RetryHarness.Post($"/api/ops/registrations/{RegistrationId}/retry", new { }, idempotencyKey: null);

        var result = await Handlers().RetryRegistrationAsync(request, RegistrationId, default);

        AssertReasonAsked(result);
    }

    private void AssertReasonAsked(IResult result)
    {
        var problem = Assert.IsType<ProblemHttpResult>(result);
        var invalid = Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails);
        Assert.Equal(400, problem.StatusCode);
        Assert.Equal(["reason"], invalid.Errors.Keys);
        Assert.Contains("audit log", invalid.Errors["reason"].Single(), StringComparison.Ordinal);
        Assert.Empty(_events.Raised);
        _audit.VerifyNoOtherCalls();
    }

    private void AssertConflict(IResult result, params string[] why)
    {
        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status409Conflict, problem.StatusCode);
        Assert.All(why, w => Assert.Contains(w, problem.ProblemDetails.Detail, StringComparison.Ordinal));
        Assert.Empty(_events.Raised);
        _audit.VerifyNoOtherCalls();
    }

    private IEnumerable<string> AuditedActions() =>
        _audit.Invocations.Select(i => ((AuditEntry<RegistrationAudit>)i.Arguments[0]).Action);

    private IEnumerable<string> AuditedCauses() => _audit.Invocations.Select(i => (string)i.Arguments[1]);

    private OperationsHandlers Handlers()
    {
        _review.Setup(r => r.ListOpenAsync(It.IsAny<CancellationToken>())).Returns(() => _open.ToAsyncEnumerable());
        var views = new Mock<IRegistrationViews>();
        views.Setup(v => v.FindAsync(RegistrationId, It.IsAny<CancellationToken>())).ReturnsAsync(() =>
            new RegistrationView(RegistrationId, "cust-1", "shop.ua", "shop.ua", "ua", _phase, null));
        var clock = new FakeTimeProvider(Now);
        return new OperationsHandlers(RetryHarness.Authenticator(), _review.Object, views.Object, null!, null!,
            new RegistrationActions(_events, _audit.Object, _claims, clock), null!, null!, clock);
    }

    private static HttpRequest Trademark(bool approved) => RetryHarness.Post($"/api/ops/registrations/{RegistrationId}/trademark",
        new { approved, reason = approved ? "Certificate UA-345678 checked." : "The word mark differs from the name." }, idempotencyKey: null);

    private static HttpRequest Retry() => RetryHarness.Post($"/api/ops/registrations/{RegistrationId}/retry", new { reason = "The registry lifted its block." }, idempotencyKey: null);
}
