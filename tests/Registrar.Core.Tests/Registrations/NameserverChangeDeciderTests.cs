using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

public sealed class NameserverChangeDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);
    private static readonly DnsChangeRequest Change = new(["ns1.example.net", "ns2.example.net"]);

    [Fact]
    public void A_kz_dns_change_proved_by_a_session_is_applied_at_once_and_told_to_the_customer_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var wakeBefore = domain.WakeAt;

        var update = Assert.IsType<UpdateDomainNameservers>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));
        Assert.Equal(("example.kz", Change.NameServers), (update.DomainName, update.NameServers));
        Assert.Null(domain.State.NameserverChange!.DueBy);
        Assert.Equal(wakeBefore, domain.WakeAt);

        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.Answer(new NameserversUpdated(Change.NameServers), Now.AddMinutes(1))));
        Assert.Equal((NoticeKind.NameserversChanged, "owner@example.test"), (notice.Kind, notice.To));
        Assert.Equal(Change.NameServers, notice.Facts!.NameServers);
        Assert.Null(domain.State.NameserverChange);
        Assert.Null(domain.State.AwaitedCommandId);
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
    }

    [Fact]
    public void A_kz_dns_change_the_registry_refuses_changes_nothing_and_goes_to_operations_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Answer(new RegistryRefused(2303, "host does not exist"), Now)));

        Assert.Contains("KZ-2.3", flag.Reason);
        Assert.Empty(domain.Notices(NoticeKind.NameserversChanged));
        Assert.Null(domain.State.NameserverChange);
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
    }

    [Fact]
    public void An_unknown_outcome_asks_again_through_the_flow_that_reads_the_domain_first_never_notifying_early_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var first = Assert.IsType<UpdateDomainNameservers>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));

        var again = Assert.IsType<UpdateDomainNameservers>(Assert.Single(domain.Answer(new OutcomeUnknown(), Now)));

        Assert.NotEqual(first.CommandId, again.CommandId);
        Assert.Equal(first.NameServers, again.NameServers);
        Assert.Equal(again.CommandId, domain.State.AwaitedCommandId);
        Assert.Single(domain.Answer(new NameserversUpdated(Change.NameServers), Now), c => c is SendNotice { Kind: NoticeKind.NameserversChanged });
    }

    [Fact]
    public void A_registry_that_drops_every_update_ends_the_change_with_operations_after_five_tries_not_a_flood_of_them_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(Proved(RequestProof.SignedInSession), Now);
        for (var i = 1; i < RegistrationDecider.MaxUnknownOutcomes; i++)
            Assert.IsType<UpdateDomainNameservers>(Assert.Single(domain.Answer(new OutcomeUnknown(), Now)));

        var last = domain.Answer(new OutcomeUnknown(), Now);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(last));
        Assert.Contains("could not be read 5 times in a row", flag.Reason);
        Assert.Null(domain.State.NameserverChange);
        Assert.Equal((RegistrationPhase.Registered, 0), (domain.State.Phase, domain.State.UnknownOutcomes));
    }

    [Fact]
    public void A_session_or_the_contact_email_proves_a_dns_change_papers_do_not_KZ_2_3_UA_4_7()
    {
        Assert.True(RequestProofs.Accepts(Change, RequestProof.SignedInSession));
        Assert.True(RequestProofs.Accepts(Change, RequestProof.ContactEmail));
        Assert.False(RequestProofs.Accepts(Change, RequestProof.SignedContract));

        var domain = RegisteredDomain.Expiring("kz", Expiry);
        Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Proved(RequestProof.IdentityDocuments), Now)));
        Assert.Null(domain.State.NameserverChange);
    }

    [Fact]
    public void A_ua_dns_change_is_carried_out_at_once_with_its_business_day_deadline_recorded_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        Assert.IsType<UpdateDomainNameservers>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));

        // Proved on Tuesday 15 December (Kyiv): due by the end of Wednesday 16 December, the next Ukrainian business day.
        var dueBy = new DateTimeOffset(2026, 12, 17, 0, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(dueBy, domain.State.NameserverChange!.DueBy);
        Assert.Equal(dueBy, domain.WakeAt);
        domain.Answer(new NameserversUpdated(Change.NameServers), Now.AddMinutes(1));
        domain.LiveUntil(dueBy.AddDays(1));
        Assert.DoesNotContain(domain.Sent, c => c is FlagForOperations);
        Assert.Single(domain.Notices(NoticeKind.NameserversChanged));
    }

    [Fact]
    public void A_ua_dns_change_the_registry_refused_goes_to_operations_at_once_with_its_deadline_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);
        var dueBy = domain.State.NameserverChange!.DueBy!.Value;

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Answer(new RegistryRefused(2306, "policy"), Now.AddMinutes(1))));

        // Waiting for the deadline would change nothing at the registry: a person has the rest of the business day instead.
        Assert.Contains($"Finish it by {dueBy:u}", flag.Reason);
        Assert.Null(domain.State.NameserverChange);
        domain.LiveUntil(dueBy.AddDays(2));
        Assert.Single(domain.Sent.OfType<FlagForOperations>());
        Assert.Empty(domain.Notices(NoticeKind.NameserversChanged));
    }

    [Fact]
    public void A_ua_dns_change_still_pending_at_the_registry_is_flagged_once_when_its_business_day_ends_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);

        Assert.Empty(domain.Answer(new RegistryPending(), Now.AddMinutes(1)));
        var dueBy = domain.State.NameserverChange!.DueBy!.Value;
        Assert.Equal(dueBy, domain.WakeAt);

        domain.LiveUntil(dueBy.AddDays(2));

        var flag = Assert.Single(domain.Sent.OfType<FlagForOperations>());
        Assert.Contains("KZ-2.3", flag.Reason);
        Assert.True(domain.State.NameserverChange!.OverdueFlagged);
        Assert.Empty(domain.Notices(NoticeKind.NameserversChanged));
    }

    [Fact]
    public void A_ua_dns_change_left_pending_is_finished_and_told_when_the_registry_reports_it_carried_out_RFC_5731_KZ_2_3()
    {
        var (domain, change) = LeftPending();

        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(
            new RegistryReported("poll:hostmaster:7", "panData", new PendingActionResult(change.CommandId!, Succeeded: true)), Now.AddHours(2))));
        domain.LiveUntil(change.DueBy!.Value.AddDays(2));

        Assert.Equal((NoticeKind.NameserversChanged, Change.NameServers), (told.Kind, told.Facts!.NameServers));
        Assert.Null(domain.State.NameserverChange);
        Assert.Empty(domain.Sent.OfType<FlagForOperations>());
    }

    [Fact]
    public void A_kz_dns_change_left_pending_did_not_apply_at_once_so_operations_hear_now_and_its_poll_message_finishes_it_KZ_2_3_RFC_5731()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var update = (UpdateDomainNameservers)domain.Raise(Proved(RequestProof.SignedInSession), Now).Single();

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Answer(new RegistryPending(), Now.AddMinutes(1))));
        var told = domain.Raise(new RegistryReported("poll:kaznic:3", "panData", new PendingActionResult(update.CommandId, true)), Now.AddHours(1));

        Assert.Contains("poll message", flag.Reason);
        Assert.Equal(NoticeKind.NameserversChanged, Assert.IsType<SendNotice>(Assert.Single(told)).Kind);
        Assert.Null(domain.State.NameserverChange);
    }

    [Fact]
    public void A_ua_dns_change_the_registry_reports_it_dropped_goes_to_operations_at_once_RFC_5731_KZ_2_3()
    {
        var (domain, change) = LeftPending();

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(
            new RegistryReported("poll:hostmaster:7", "panData", new PendingActionResult(change.CommandId!, Succeeded: false)), Now.AddHours(2))));

        Assert.Contains("paResult 0", flag.Reason);
        Assert.Contains($"Finish it by {change.DueBy:u}", flag.Reason);
        Assert.Null(domain.State.NameserverChange);
        Assert.Empty(domain.Notices(NoticeKind.NameserversChanged));
    }

    [Fact]
    public void A_dns_change_sent_while_an_earlier_one_is_pending_at_the_registry_tells_operations_to_check_KZ_2_3()
    {
        var (domain, earlier) = LeftPending();

        var sent = domain.Raise(new CustomerRequestProved("proved:r-2", "r-2", new DnsChangeRequest(["ns3.example.net", "ns4.example.net"]),
            RequestProof.SignedInSession), Now.AddHours(1));

        Assert.Contains(earlier.RequestId, Assert.Single(sent.OfType<FlagForOperations>()).Reason);
        Assert.Single(sent.OfType<UpdateDomainNameservers>());
        Assert.Equal("r-2", domain.State.NameserverChange!.RequestId);
    }

    [Fact]
    public void A_pending_action_result_of_another_command_leaves_a_pending_dns_change_waiting_and_reads_the_domain_back_RFC_5731()
    {
        var (domain, _) = LeftPending();

        var sent = domain.Raise(new RegistryReported("poll:hostmaster:7", "panData", new PendingActionResult("O0000000000000009-1-3", true)), Now.AddHours(2));

        Assert.IsType<QueryDomain>(Assert.Single(sent));
        Assert.NotNull(domain.State.NameserverChange);
    }

    [Fact]
    public void A_ua_change_request_counts_its_business_day_from_when_it_was_proved_not_from_a_late_delivery_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var provedAt = Now.AddDays(-7);

        var sent = domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", Change, RequestProof.SignedInSession, provedAt), Now);

        Assert.IsType<UpdateDomainNameservers>(Assert.Single(sent));
        Assert.True(domain.State.NameserverChange!.DueBy < Now);
        domain.LiveUntil(Now);
        Assert.Contains("KZ-2.3", Assert.Single(domain.Sent.OfType<FlagForOperations>()).Reason);
    }

    [Fact]
    public void An_unproved_dns_change_mails_a_confirmation_naming_its_kind_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(new CustomerRequestMade("request:r-1", "r-1", Change), Now)));

        Assert.Equal(("dns-change", NoticeKind.RequestConfirmation), (notice.Facts!.RequestKind, notice.Kind));
        Assert.Null(domain.State.NameserverChange);
    }

    [Theory]
    [InlineData(new[] { "NS1.Example.NET.", "ns2.пример.қаз" }, true)]
    [InlineData(new[] { "ns1.example.net" }, false)]
    [InlineData(new[] { "ns1.example.net", "ns1.example.net" }, false)]
    [InlineData(new[] { "ns1.example.net", "-bad.example.net" }, false)]
    [InlineData(new[] { "ns1.example.net", "localhost" }, false)]
    [InlineData(new[] { "ns1.example.net", "10.0.0.1" }, false)]
    public void Name_servers_are_two_to_thirteen_distinct_host_names_KZ_2_3(string[] names, bool accepted)
    {
        var (normalized, error) = NameServerNames.Normalize(names);

        Assert.Equal(accepted, error is null);
        if (accepted) Assert.Equal(["ns1.example.net", "ns2.xn--e1afmkfd.xn--80ao21a"], normalized!);
        Assert.NotNull(NameServerNames.Normalize([.. Enumerable.Range(1, 14).Select(i => $"ns{i}.example.net")]).Error);
    }

    [Theory]
    [InlineData("ns2.example.net..")]
    [InlineData("ns2..example.net")]
    [InlineData(".ns2.example.net")]
    public void A_name_server_with_an_empty_label_is_refused_not_taken_for_another_name_KZ_2_3(string typed)
    {
        Assert.NotNull(NameServerNames.Normalize(["ns1.example.net", typed]).Error);
    }

    [Theory]
    [InlineData("ab--cd.example.net")]
    [InlineData("ns2.ab--cd.example.net")]
    public void A_name_server_with_hyphens_in_the_3rd_and_4th_positions_of_a_label_not_an_idn_is_refused_RFC_5891_4_2_3_1_KZ_2_3(string typed)
    {
        Assert.NotNull(NameServerNames.Normalize(["ns1.example.net", typed]).Error);
        Assert.Null(NameServerNames.Normalize(["ns1.example.net", "ns2.xn--80ak6aa92e.com"]).Error);
    }

    [Theory]
    [InlineData("ns2.\U0001F4A9.com")]
    [InlineData("ns2.xn--ls8h.com")]
    [InlineData("ns2.a\u2665b.com")]
    [InlineData("ns1.\u0627\u0644\u0639\u0631\u0628\u064A\u0629a.com")]
    [InlineData("ns1.a\u05D0.com")]
    [InlineData("ns1.\u05D0\u05D1.1ns.com")]
    [InlineData("ns1.\u0627\u0661\u06F1.com")]
    public void A_name_server_IDNA2008_refuses_is_refused_though_UTS_46_maps_it_RFC_5892_RFC_5893_KZ_2_3(string typed)
    {
        Assert.NotNull(NameServerNames.Normalize(["ns1.example.net", typed]).Error);
    }

    [Theory]
    [InlineData("ns1.\u0627\u0644\u0639\u0631\u0628\u064A\u0629.com")]
    [InlineData("ns1.\u05E9\u05DC\u05D5\u05DD1.co.il")]
    [InlineData("ns1.\u0915\u093F\u0924\u093E\u092C.in")]
    [InlineData("ns2.\uFB01le.com")]
    public void A_name_server_in_any_script_IDNA2008_allows_is_taken_KZ_2_3(string typed)
    {
        Assert.Null(NameServerNames.Normalize(["ns1.example.net", typed]).Error);
    }

    [Theory]
    [InlineData("ns1.сәлем.қаз", false)]
    [InlineData("NS2.xn--e1aler47e.xn--80ao21a", false)]
    [InlineData("сәлем.қаз", false)]
    [InlineData("ns1.glued.xn--e1aler47e.xn--80ao21a", true)]
    [InlineData("ns1.басқа.қаз", true)]
    [InlineData("ns1.shopxn--e1aler47e.xn--80ao21a", true)]
    public void A_name_server_inside_the_domain_itself_is_refused_as_it_needs_glue_unless_the_domain_has_it_now_KZ_2_3_RFC_5732_3_2_1(
        string nameServer, bool accepted)
    {
        var (_, error) = NameServerNames.ForDomain(["ns1.example.net", nameServer], "xn--e1aler47e.xn--80ao21a",
            ["ns1.example.net", "ns1.glued.xn--e1aler47e.xn--80ao21a"]);

        Assert.Equal(accepted, error is null);
    }

    private static CustomerRequestProved Proved(RequestProof proof) => new("proved:r-1", "r-1", Change, proof);

    /// <summary>A .ua DNS change the registry answered 1001.</summary>
    private static (RegisteredDomain Domain, NameserverChange Change) LeftPending()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Proved(RequestProof.ContactEmail), Now);
        domain.Answer(new RegistryPending(), Now.AddMinutes(1));
        return (domain, domain.State.NameserverChange!);
    }
}
