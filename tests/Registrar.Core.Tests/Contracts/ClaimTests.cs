using Registrar.Core.Contracts;
using static Registrar.Core.Tests.Contracts.Shipped;

namespace Registrar.Core.Tests.Contracts;

public sealed class ClaimTests
{
    private static readonly DateTimeOffset AnswerBy = new(2026, 3, 21, 0, 0, 0, KyivWinter);

    private static readonly Claim Filed = new("C1", "O1-1", "cust-1", "ua", "example.ua", new DateOnly(2026, 3, 2), "The domain did not resolve.",
        "PP-1042", new DateTimeOffset(2026, 3, 2, 18, 0, 0, KyivWinter), AnswerBy, "UA-5.1");

    [Fact]
    public void An_unanswered_claim_is_overdue_from_its_answer_deadline_and_not_before_UA_5_1()
    {
        Assert.False(Filed.IsOverdueAt(AnswerBy.AddTicks(-1)));
        Assert.True(Filed.IsOverdueAt(AnswerBy));
    }

    [Fact]
    public void An_answered_claim_is_never_overdue_and_keeps_whether_it_was_answered_in_time_UA_5_1()
    {
        var inTime = Filed.AnsweredWith("Resolved.", "Olena", AnswerBy.AddHours(-1));
        var late = Filed.AnsweredWith("Resolved.", "Olena", AnswerBy.AddHours(1));

        Assert.False(inTime.IsOverdueAt(AnswerBy.AddDays(10)));
        Assert.True(inTime.Answer!.InTime);
        Assert.False(late.Answer!.InTime);
    }

    [Fact]
    public void A_claim_is_answered_once()
    {
        var answered = Filed.AnsweredWith("Resolved.", "Olena", AnswerBy.AddHours(-1));

        Assert.Throws<InvalidOperationException>(() => answered.AnsweredWith("Again.", "Petro", AnswerBy));
    }
}
