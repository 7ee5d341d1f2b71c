using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Registrar.Core.Lifecycle;
using Registrar.Core.Operations;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Registry;

namespace Registrar.Registry.Tests;

public partial class RegistryPollDrainerTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly List<string> _steps = [];
    private readonly List<ReviewItem> _review = [];
    private readonly Mock<IEppClients> _clients = new();
    private readonly Mock<IRegistrationViews> _views = new();
    private readonly List<RegistrationEvent> _raised = [];
    private Exception? _reviewFailure;

    private static XElement TransferNotice(string domain)
    {
        XNamespace d = "urn:ietf:params:xml:ns:domain-1.0";
        return new XElement(d + "trnData", new XElement(d + "name", domain), new XElement(d + "trStatus", "pending"));
    }

    /// <param name="queued">Each a <see cref="PollMessage"/>, or the <see cref="EppUnreadableMessageException"/> the client
    /// throws for a message it cannot read.</param>
    private Mock<IEppClient> Registry(string id, params object[] queued)
    {
        var queue = new Queue<object>(queued);
        var client = new Mock<IEppClient>();
        client.SetupGet(c => c.RegistryId).Returns(id);
        client.SetupGet(c => c.Profile).Returns(EppRegistryProfile.Ietf);
        client.Setup(c => c.ExecuteAsync(It.IsAny<PollRequestCommand>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                PollMessage? next = queue.TryPeek(out var m) ? m as PollMessage ?? throw (EppUnreadableMessageException)m : null;
                return new EppReply<PollMessage?>(next, next is null ? EppResultCode.SuccessNoMessages : EppResultCode.SuccessAckToDequeue, "", "c", "s", null);
            });
        client.Setup(c => c.ExecuteAsync(It.IsAny<PollAckCommand>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                _steps.Add($"ack {id}:{queue.Dequeue() switch { PollMessage m => m.Id, var unreadable => ((EppUnreadableMessageException)unreadable).MessageId }}");
                return new EppReply<ulong>((ulong)queue.Count, EppResultCode.Success, "", "c", "s", null);
            });
        _clients.Setup(c => c.For(id)).Returns(client.Object);
        return client;
    }

    private RegistryPollDrainer Drainer(params string[] registries)
    {
        var review = new Mock<IReviewList>();
        review.Setup(r => r.AddAsync(It.IsAny<ReviewItem>(), It.IsAny<CancellationToken>()))
            .Callback<ReviewItem, CancellationToken>((item, _) =>
            {
                if (_reviewFailure is not null) throw _reviewFailure;
                _steps.Add($"review {item.Id}");
                _review.Add(item);
            })
            .Returns(Task.CompletedTask);
        var options = new EppOptions();
        foreach (string id in registries)
        {
            options.Registries[id] = new EppRegistryOptions();
        }

        var events = new Mock<ILifecycleEvents<RegistrationEvent>>();
        events.Setup(e => e.RaiseAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<RegistrationEvent>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, RegistrationEvent, CancellationToken>((instance, eventId, raised, _) =>
            {
                _steps.Add($"raise {eventId} on {instance}");
                _raised.Add(raised);
            })
            .Returns(Task.CompletedTask);
        var clock = new Mock<TimeProvider>();
        clock.Setup(c => c.GetUtcNow()).Returns(Now);
        return new RegistryPollDrainer(_clients.Object, _views.Object, events.Object, review.Object, Options.Create(options), clock.Object,
            NullLogger<RegistryPollDrainer>.Instance);
    }

    [Fact]
    public async Task Each_message_is_on_the_review_list_before_it_is_acknowledged()
    {
        Registry("hostmaster",
            new PollMessage("41", 1, Now.AddHours(-2), "Transfer requested", TransferNotice("shop.com.ua")),
            new PollMessage("42", 0, null, "Registry maintenance on Sunday", null));

        var drained = await Drainer("hostmaster").DrainAllAsync(CancellationToken.None);

        Assert.Equal(2, drained["hostmaster"]);
        Assert.Equal(["review poll:hostmaster:41", "ack hostmaster:41", "review poll:hostmaster:42", "ack hostmaster:42"], _steps);
        Assert.Equal("shop.com.ua", _review[0].Subject);
        Assert.Contains("trnData for shop.com.ua", _review[0].Explanation);
        Assert.Equal(("hostmaster", "registry-message", Now), (_review[1].Subject, _review[1].Kind, _review[1].RaisedAt));
    }

    [Fact]
    public async Task A_message_naming_one_of_our_domains_is_raised_on_its_registration_before_it_is_acknowledged()
    {
        _views.Setup(v => v.FindByDomainAsync("shop.com.ua", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RegistrationView("O1-1", "C1", "shop.com.ua", "shop.com.ua", "com.ua", RegistrationPhase.Registered, null));
        Registry("hostmaster", new PollMessage("41", 0, Now.AddHours(-2), "Transfer requested", TransferNotice("shop.com.ua")));

        await Drainer("hostmaster").DrainAllAsync(CancellationToken.None);

        Assert.Equal(["raise poll:hostmaster:41 on O1-1", "ack hostmaster:41"], _steps);
        Assert.Empty(_review);
    }

    [Fact]
    public async Task A_contacts_pending_action_result_is_raised_on_the_registration_whose_command_its_clTRID_names_RFC_5733()
    {
        _views.Setup(v => v.FindAsync("O1a2b-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RegistrationView("O1a2b-1", "C1", "shop.com.ua", "shop.com.ua", "com.ua", RegistrationPhase.Registered, null));
        Registry("hostmaster", new PollMessage("43", 0, Now, "Pending action completed", ContactPendingResult("O1a2b-1-5", "1")));

        await Drainer("hostmaster").DrainAllAsync(CancellationToken.None);

        Assert.Equal(["raise poll:hostmaster:43 on O1a2b-1", "ack hostmaster:43"], _steps);
        Assert.Equal(new PendingActionResult("O1a2b-1-5", true), Assert.IsType<RegistryReported>(Assert.Single(_raised)).Completed);
    }

    [Fact]
    public async Task A_pending_action_result_of_a_registration_that_has_ended_goes_to_review_RFC_5733()
    {
        _views.Setup(v => v.FindAsync("O1a2b-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RegistrationView("O1a2b-1", "C1", "shop.com.ua", "shop.com.ua", "com.ua", RegistrationPhase.Deleted, null));
        Registry("hostmaster", new PollMessage("45", 0, Now, "Pending action completed", ContactPendingResult("O1a2b-1-5", "1")));

        await Drainer("hostmaster").DrainAllAsync(CancellationToken.None);

        Assert.Equal(["review poll:hostmaster:45", "ack hostmaster:45"], _steps);
    }

    [Fact]
    public async Task A_domains_pending_action_result_quoting_a_clTRID_not_of_ours_is_raised_as_a_plain_report_RFC_5731()
    {
        _views.Setup(v => v.FindByDomainAsync("shop.com.ua", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RegistrationView("O1-1", "C1", "shop.com.ua", "shop.com.ua", "com.ua", RegistrationPhase.Registered, null));
        var panData = PendingResult("urn:ietf:params:xml:ns:domain-1.0", "name", "shop.com.ua", new string('A', 5000), "1");
        Registry("hostmaster", new PollMessage("46", 0, Now, "Pending action completed", panData));

        await Drainer("hostmaster").DrainAllAsync(CancellationToken.None);

        Assert.Equal(["raise poll:hostmaster:46 on O1-1", "ack hostmaster:46"], _steps);
        Assert.Null(Assert.IsType<RegistryReported>(Assert.Single(_raised)).Completed);
    }

    [Theory]
    [InlineData("ABC-12345")]
    [InlineData("O1a2b-1-x")]
    [InlineData("O9-9-1")]
    public async Task A_pending_action_result_quoting_no_command_of_ours_goes_to_review_RFC_5733(string clientTransaction)
    {
        Registry("hostmaster", new PollMessage("44", 0, Now, "Pending action completed", ContactPendingResult(clientTransaction, "false")));

        await Drainer("hostmaster").DrainAllAsync(CancellationToken.None);

        Assert.Equal(["review poll:hostmaster:44", "ack hostmaster:44"], _steps);
    }

    private static XElement ContactPendingResult(string clientTransaction, string paResult) =>
        PendingResult("urn:ietf:params:xml:ns:contact-1.0", "id", "C-1", clientTransaction, paResult);

    /// <summary>RFC 5731 and RFC 5733 section 3.3 panData.</summary>
    private static XElement PendingResult(XNamespace ns, string objectElement, string objectId, string clientTransaction, string paResult)
    {
        XNamespace epp = "urn:ietf:params:xml:ns:epp-1.0";
        return new XElement(ns + "panData",
            new XElement(ns + objectElement, new XAttribute("paResult", paResult), objectId),
            new XElement(ns + "paTRID", new XElement(epp + "clTRID", clientTransaction), new XElement(epp + "svTRID", "HM-77")),
            new XElement(ns + "paDate", "2027-02-01T07:59:00Z"));
    }

    [Fact]
    public async Task Without_domain_data_the_names_in_the_text_are_looked_up_in_A_label_form()
    {
        _views.Setup(v => v.FindByDomainAsync("xn--e1afmkfd.xn--80ao21a", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RegistrationView("O2-1", "C1", "xn--e1afmkfd.xn--80ao21a", "пример.қаз", "қаз", RegistrationPhase.Expired, null));
        Registry("kaznic", new PollMessage("7", 0, null, "Domain Пример.қаз was deleted on 2027-01-01.", null));

        await Drainer("kaznic").DrainAllAsync(CancellationToken.None);

        Assert.Equal(["raise poll:kaznic:7 on O2-1", "ack kaznic:7"], _steps);
    }

    [Fact]
    public async Task A_message_text_too_long_to_keep_is_cut_so_the_queue_moves_on()
    {
        _views.Setup(v => v.FindByDomainAsync("shop.com.ua", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RegistrationView("O1-1", "C1", "shop.com.ua", "shop.com.ua", "com.ua", RegistrationPhase.Registered, null));
        var text = new string('x', 100_000);
        Registry("hostmaster",
            new PollMessage("47", 1, Now, text, TransferNotice("shop.com.ua")),
            new PollMessage("48", 0, Now, text, null));

        await Drainer("hostmaster").DrainAllAsync(CancellationToken.None);

        Assert.Equal(["raise poll:hostmaster:47 on O1-1", "ack hostmaster:47", "review poll:hostmaster:48", "ack hostmaster:48"], _steps);
        Assert.InRange(Assert.IsType<RegistryReported>(Assert.Single(_raised)).Summary.Length, RegistryPollDrainer.MaxTextKept, RegistryPollDrainer.MaxTextKept + 200);
        Assert.InRange(Assert.Single(_review).Explanation.Length, RegistryPollDrainer.MaxTextKept, RegistryPollDrainer.MaxTextKept + 200);
    }

    [Fact]
    public void A_message_id_too_long_for_a_table_key_is_named_by_its_hash_the_same_on_every_run()
    {
        var id = new string('7', 5000);

        var named = RegistryPollDrainer.EventIdOf("kaznic", id);

        Assert.Equal(named, RegistryPollDrainer.EventIdOf("kaznic", id));
        Assert.Equal("poll:kaznic:".Length + 64, named.Length);
        Assert.NotEqual(named, RegistryPollDrainer.EventIdOf("kaznic", id + "8"));
        Assert.Equal("poll:kaznic:41", RegistryPollDrainer.EventIdOf("kaznic", "41"));
    }

    [Fact]
    public async Task An_empty_queue_adds_and_acknowledges_nothing()
    {
        Registry("kaznic");

        var drained = await Drainer("kaznic").DrainAllAsync(CancellationToken.None);

        Assert.Equal(0, drained["kaznic"]);
        Assert.Empty(_steps);
    }

    [Fact]
    public async Task A_registry_that_fails_is_left_for_the_next_run_and_the_others_are_drained()
    {
        _clients.Setup(c => c.For("hostmaster")).Throws(new InvalidOperationException("connection refused"));
        Registry("kaznic", new PollMessage("7", 0, null, "Domain deleted", null));

        var drained = await Drainer("hostmaster", "kaznic").DrainAllAsync(CancellationToken.None);

        Assert.False(drained.ContainsKey("hostmaster"));
        Assert.Equal(1, drained["kaznic"]);
    }

    [Fact]
    public async Task One_run_takes_at_most_the_bounded_number_of_messages_from_a_registry()
    {
        var flood = Enumerable.Range(1, RegistryPollDrainer.MaxMessagesPerRegistry + 5)
            .Select(i => new PollMessage(i.ToString(), 0, null, "note", null)).ToArray();
        Registry("kaznic", flood);

        var drained = await Drainer("kaznic").DrainAllAsync(CancellationToken.None);

        Assert.Equal(RegistryPollDrainer.MaxMessagesPerRegistry, drained["kaznic"]);
        Assert.Equal(RegistryPollDrainer.MaxMessagesPerRegistry, _review.Count);
    }
}
