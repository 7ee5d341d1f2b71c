using Registrar.Core.Whois;
using Registrar.Core.Zones;
using static Registrar.Core.Tests.Whois.WhoisSamples;

namespace Registrar.Core.Tests.Whois;

/// <summary>UA-1.16: an authority's request is recorded, approved by someone else, and only then answered, once,
/// with a record of exactly which fields left and when.</summary>
public sealed class DisclosureRequestTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(2));

    private static DisclosureRequest Request(params WhoisField[] fields) => new("D0000000000000001", "shop.ua", "O0000000000000001-1",
        "Cyber Police Department", "Criminal Procedure Code, art. 93", "No. 123/45 of 2026-11-20",
        fields.Length == 0 ? [WhoisField.RegistrantName, WhoisField.RegistrantEmail] : fields, "Olena Koval", Recorded);

    private static RegisteredDomain Holder(string registrationId = "O0000000000000001-1") =>
        new(View("shop.ua", "ua", registrationId: registrationId), Person("UA"));

    [Theory]
    [InlineData("Olena Koval")]
    [InlineData("  olena   KOVAL ")]
    [InlineData("Olena\u200b Koval")]
    [InlineData("\ufeffOlena Ko\u00adval")]
    [InlineData("\uff2flena Koval")]
    [InlineData("\u041elena Koval")]
    [InlineData("Olen\u0430 K\u043eval")]
    public void The_person_who_recorded_a_request_cannot_approve_it_UA_1_16(string approver)
    {
        var step = Request().Approve(System.Text.RegularExpressions.Regex.Unescape(approver), Recorded.AddHours(1));

        Assert.Equal(DisclosureRefusalReason.ApproverRecordedIt, step.Refusal?.Reason);
        Assert.StartsWith("Olena Koval recorded request", step.Refusal!.Message);
        Assert.Contains("UA-1.16", step.Refusal.Message);
        Assert.Null(step.Request);
    }

    [Fact]
    public void The_person_who_recorded_a_request_may_refuse_it_as_a_refusal_discloses_nothing_UA_1_16()
    {
        var step = Request().Refuse("Olena Koval", "No legal basis.", Recorded.AddHours(1));

        Assert.Equal((DisclosureStatus.Refused, "Olena Koval"), (step.Request!.Status, step.Request.Decision!.By));
    }

    [Fact]
    public void Another_person_approves_and_the_decision_says_who_and_when_UA_1_16()
    {
        var step = Request().Approve("Petro Melnyk", Recorded.AddHours(1));

        Assert.Equal(DisclosureStatus.Approved, step.Request!.Status);
        Assert.Equal(new DisclosureDecision(true, "Petro Melnyk", Recorded.AddHours(1)), step.Request.Decision);
    }

    [Fact]
    public void A_recorded_request_discloses_nothing_before_it_is_approved_UA_1_16()
    {
        var step = Request().Disclose(Holder(), "Petro Melnyk", Recorded.AddHours(1));

        Assert.Equal(DisclosureRefusalReason.NotApproved, step.Refusal?.Reason);
        Assert.Empty(step.Values);
    }

    [Fact]
    public void A_refused_request_never_discloses_and_cannot_be_approved_afterwards_UA_1_16()
    {
        var refused = Request().Refuse("Petro Melnyk", "The letter is not signed.", Recorded.AddHours(1)).Request!;

        Assert.Equal(new DisclosureDecision(false, "Petro Melnyk", Recorded.AddHours(1), "The letter is not signed."), refused.Decision);
        Assert.Equal(DisclosureRefusalReason.AlreadyDecided, refused.Approve("Ivan Shevchenko", Recorded.AddHours(2)).Refusal?.Reason);
        Assert.Equal(DisclosureRefusalReason.NotApproved, refused.Disclose(Holder(), "Ivan Shevchenko", Recorded.AddHours(2)).Refusal?.Reason);
    }

    [Fact]
    public void An_approved_request_discloses_the_current_data_of_the_requested_fields_and_records_exactly_those_UA_1_16()
    {
        var approved = Request(WhoisField.RegistrantName, WhoisField.RegistrantPhone).Approve("Petro Melnyk", Recorded.AddHours(1)).Request!;

        var step = approved.Disclose(Holder(), "Petro Melnyk", Recorded.AddHours(2));

        Assert.Equal(new Dictionary<WhoisField, string> { [WhoisField.RegistrantName] = "Aigerim Serikovna", [WhoisField.RegistrantPhone] = "+7.7012345678" },
            step.Values);
        Assert.Equal(DisclosureStatus.Disclosed, step.Request!.Status);
        Assert.Equal([WhoisField.RegistrantName, WhoisField.RegistrantPhone], step.Request.Disclosure!.Fields);
        Assert.Equal((Recorded.AddHours(2), "Petro Melnyk"), (step.Request.Disclosure.At, step.Request.Disclosure.By));
    }

    [Fact]
    public void The_record_keeps_which_fields_left_never_their_values_UA_1_16_UA_Pre_6()
    {
        var approved = Request().Approve("Petro Melnyk", Recorded.AddHours(1)).Request!;

        var disclosed = approved.Disclose(Holder(), "Petro Melnyk", Recorded.AddHours(2)).Request!;

        var kept = System.Text.Json.JsonSerializer.Serialize(disclosed, Registrar.Core.Persistence.StoredJson.Options);
        Assert.DoesNotContain("Aigerim", kept);
        Assert.DoesNotContain("aigerim@mail.example", kept);
    }

    [Fact]
    public void A_field_the_registration_holds_no_value_for_is_not_disclosed_nor_recorded_as_disclosed_UA_1_16()
    {
        var approved = Request(WhoisField.RegistrantName, WhoisField.RegistrantEmail).Approve("Petro Melnyk", Recorded.AddHours(1)).Request!;
        var givenAsNicHandle = Holder() with { Registrant = null };

        var step = approved.Disclose(givenAsNicHandle, "Petro Melnyk", Recorded.AddHours(2));

        Assert.Empty(step.Values);
        Assert.Empty(step.Request!.Disclosure!.Fields);
    }

    [Fact]
    public void An_approved_request_discloses_once_UA_1_16()
    {
        var disclosed = Request().Approve("Petro Melnyk", Recorded.AddHours(1)).Request!.Disclose(Holder(), "Petro Melnyk", Recorded.AddHours(2)).Request!;

        var again = disclosed.Disclose(Holder(), "Petro Melnyk", Recorded.AddHours(3));

        Assert.Equal(DisclosureRefusalReason.NotApproved, again.Refusal?.Reason);
        Assert.Contains("record a new request", again.Refusal!.Message);
    }

    [Fact]
    public void A_disclosure_answered_again_gives_the_recorded_fields_alone_and_only_from_the_registration_recorded_for_UA_1_16()
    {
        var approved = Request(WhoisField.RegistrantName, WhoisField.RegistrantEmail).Approve("Petro Melnyk", Recorded.AddHours(1)).Request!;
        var disclosed = approved.Disclose(Holder() with { Registrant = Person("UA") with { Email = "" } }, "Petro Melnyk", Recorded.AddHours(2)).Request!;

        var again = disclosed.AnswerAgain(Holder());

        Assert.Equal([WhoisField.RegistrantName], again.Values.Keys);
        Assert.Same(disclosed, again.Request);
        Assert.Equal(DisclosureRefusalReason.HolderChanged, disclosed.AnswerAgain(Holder("O0000000000000009-1")).Refusal?.Reason);
        Assert.Equal(DisclosureRefusalReason.NotApproved, approved.AnswerAgain(Holder()).Refusal?.Reason);
    }

    [Fact]
    public void A_name_that_changed_hands_since_the_request_discloses_nothing_of_its_new_registrant_UA_1_16()
    {
        var approved = Request().Approve("Petro Melnyk", Recorded.AddHours(1)).Request!;

        Assert.Equal(DisclosureRefusalReason.HolderChanged, approved.Disclose(Holder("O0000000000000009-1"), "Petro Melnyk", Recorded.AddHours(2)).Refusal?.Reason);
        Assert.Equal(DisclosureRefusalReason.HolderChanged, approved.Disclose(null, "Petro Melnyk", Recorded.AddHours(2)).Refusal?.Reason);
    }
}
