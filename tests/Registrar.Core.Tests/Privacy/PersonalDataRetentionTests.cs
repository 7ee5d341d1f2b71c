using Registrar.Core.Privacy;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Privacy;

public sealed class PersonalDataRetentionTests
{
    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
    private static readonly DateTimeOffset EndedAt = new(2026, 3, 10, 14, 30, 0, TimeSpan.FromHours(2));

    private static RegistrationView View(DateTimeOffset? endedAt, RegistrationPhase phase = RegistrationPhase.Deleted) =>
        new("O1-1", "cust-1", "example.com.ua", "example.com.ua", "com.ua", phase, null, endedAt);

    private static ErasureDue Retention => new("O1-1", "cust-1", PersonalDataRetention.ErasureDueAt(EndedAt, Kyiv), ErasureGround.RetentionEnded);

    [Fact]
    public void UA_Pre_6_data_of_an_ended_registration_are_kept_for_five_years_after_its_end()
    {
        Assert.Equal(new DateTimeOffset(2031, 3, 10, 14, 30, 0, TimeSpan.FromHours(2)), PersonalDataRetention.ErasureDueAt(EndedAt, Kyiv));

        Assert.Equal(ErasureVerdict.NotYet, PersonalDataRetention.Judge(Retention, View(EndedAt), EndedAt.AddYears(5).AddDays(-1), Kyiv));
        Assert.Equal(ErasureVerdict.NotYet, PersonalDataRetention.Judge(Retention, View(EndedAt), EndedAt.AddYears(5).AddTicks(-1), Kyiv));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void UA_Pre_6_the_five_years_are_Kyiv_years_however_the_end_instant_was_stored(int storedOffsetHours)
    {
        // 00:30 on 1 March 2027 in Kyiv is still 28 February in UTC; counted there, 2032's leap day came a day early.
        var endedAt = new DateTimeOffset(2027, 3, 1, 0, 30, 0, TimeSpan.FromHours(2)).ToOffset(TimeSpan.FromHours(storedOffsetHours));

        Assert.Equal(new DateTimeOffset(2032, 3, 1, 0, 30, 0, TimeSpan.FromHours(2)), PersonalDataRetention.ErasureDueAt(endedAt, Kyiv));
    }

    [Fact]
    public void UA_Pre_6_five_years_from_a_leap_day_end_on_1_March_never_on_28_February()
    {
        var endedAt = new DateTimeOffset(2028, 2, 29, 12, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2033, 3, 1, 12, 0, 0, TimeSpan.FromHours(2)), PersonalDataRetention.ErasureDueAt(endedAt, Kyiv));
    }

    [Fact]
    public void UA_Pre_6_data_of_an_ended_registration_are_erased_once_five_years_have_passed()
    {
        Assert.Equal(ErasureVerdict.Erase, PersonalDataRetention.Judge(Retention, View(EndedAt), EndedAt.AddYears(5), Kyiv));
        Assert.Equal(ErasureVerdict.Erase, PersonalDataRetention.Judge(Retention, View(EndedAt), EndedAt.AddYears(5).AddDays(1), Kyiv));
    }

    [Fact]
    public void UA_Pre_6_the_five_years_run_from_the_registrations_latest_end_not_from_when_the_erasure_was_first_scheduled()
    {
        var endedAgain = EndedAt.AddYears(2);

        Assert.Equal(ErasureVerdict.NotYet, PersonalDataRetention.Judge(Retention, View(endedAgain), EndedAt.AddYears(5).AddDays(1), Kyiv));
        Assert.Equal(ErasureVerdict.NoLongerEnded,
            PersonalDataRetention.Judge(Retention, View(null, RegistrationPhase.Registered), EndedAt.AddYears(5).AddDays(1), Kyiv));
    }

    [Theory]
    [InlineData(RegistrationPhase.Closed, true)]
    [InlineData(RegistrationPhase.Deleted, true)]
    [InlineData(RegistrationPhase.TransferredAway, true)]
    [InlineData(RegistrationPhase.Registered, false)]
    [InlineData(RegistrationPhase.Expired, false)]
    [InlineData(RegistrationPhase.Deleting, false)]
    public void UA_Pre_6_a_registration_ends_its_contract_when_it_is_closed_deleted_or_transferred_away(RegistrationPhase phase, bool ends)
    {
        Assert.Equal(ends, phase.HasEnded());
    }

    [Fact]
    public void UA_Pre_6_a_written_erasure_request_ends_the_contract_at_the_start_of_the_replys_date_where_the_registrar_is()
    {
        var kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

        Assert.Equal(new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.FromHours(2)), PersonalDataRetention.ContractEndOnReply(new DateOnly(2027, 1, 15), kyiv));
        Assert.Equal(new DateTimeOffset(2027, 7, 15, 0, 0, 0, TimeSpan.FromHours(3)), PersonalDataRetention.ContractEndOnReply(new DateOnly(2027, 7, 15), kyiv));
    }

    [Fact]
    public void UA_Pre_6_a_written_erasure_request_erases_from_the_replys_date_without_waiting_five_years()
    {
        var repliedAt = EndedAt.AddMonths(1);
        var requested = new ErasureDue("O1-1", "cust-1", repliedAt, ErasureGround.ErasureRequest);

        Assert.Equal(ErasureVerdict.NotYet, PersonalDataRetention.Judge(requested, View(EndedAt), repliedAt.AddDays(-1), Kyiv));
        Assert.Equal(ErasureVerdict.Erase, PersonalDataRetention.Judge(requested, View(EndedAt), repliedAt, Kyiv));
    }

    [Fact]
    public void UA_Pre_6_a_requested_erasure_waits_while_the_domain_is_still_held_at_the_registry()
    {
        var requested = new ErasureDue("O1-1", "cust-1", EndedAt, ErasureGround.ErasureRequest);

        Assert.Equal(ErasureVerdict.AwaitsEnd, PersonalDataRetention.Judge(requested, View(null, RegistrationPhase.Registered), EndedAt.AddDays(1), Kyiv));
    }

    [Fact]
    public void UA_Pre_6_nothing_is_erased_for_a_registration_never_recorded()
    {
        Assert.Equal(ErasureVerdict.NothingKept, PersonalDataRetention.Judge(Retention, null, EndedAt.AddYears(6), Kyiv));
    }

    [Fact]
    public void UA_Pre_6_a_reply_is_dated_today_at_the_latest_as_the_registrar_counts_days()
    {
        // 22:30 UTC on 3 December is already 4 December in Kyiv.
        var now = new DateTimeOffset(2026, 12, 3, 22, 30, 0, TimeSpan.Zero);

        Assert.Null(PersonalDataRetention.ReplyDateRefusal(new DateOnly(2026, 12, 4), now, [Kyiv]));
        Assert.NotNull(PersonalDataRetention.ReplyDateRefusal(new DateOnly(2026, 12, 5), now, [Kyiv]));
        Assert.Null(PersonalDataRetention.ReplyDateRefusal(PersonalDataRetention.EarliestReply, now, [Kyiv]));
        Assert.NotNull(PersonalDataRetention.ReplyDateRefusal(DateOnly.MinValue, now, [Kyiv]));
    }

    [Fact]
    public void UA_Pre_6_a_reply_of_the_almaty_registrar_is_dated_by_its_own_day_which_begins_before_kyivs()
    {
        var almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        // 19:30 UTC on 8 December: 00:30 on the 9th in Almaty, 21:30 on the 8th in Kyiv.
        var now = new DateTimeOffset(2026, 12, 8, 19, 30, 0, TimeSpan.Zero);
        var ninth = new DateOnly(2026, 12, 9);

        Assert.Null(PersonalDataRetention.ReplyDateRefusal(ninth, now, [almaty]));
        Assert.Null(PersonalDataRetention.ReplyDateRefusal(ninth, now, [Kyiv, almaty]));
        Assert.NotNull(PersonalDataRetention.ReplyDateRefusal(ninth, now, [Kyiv]));
        Assert.NotNull(PersonalDataRetention.ReplyDateRefusal(new DateOnly(2026, 12, 10), now, [almaty]));
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 0, 0, 0, TimeSpan.FromHours(5)), PersonalDataRetention.ContractEndOnReply(ninth, almaty));
    }
}
