using System.Diagnostics;
using System.Net;
using System.Text;
using Registrar.Epp.Commands;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Tests.Support;
using Registrar.Testing;

namespace Registrar.Epp.Tests;

/// <summary>Every frame the client emits for the default (IETF) profile validates against the IETF
/// schemas in tools/epp/xsd (all.xsd), strictly for the object and extension parts.</summary>
public class FrameSchemaTests
{
    private static readonly EppRegistryProfile Ietf = EppRegistryProfile.Ietf;

    private static readonly PostalInfo Address = new()
    {
        Name = "Иван <Петров> & Sons", Organization = "ТОО \"Пример\"", Street = ["ул. Абая, 1", "офис 2"],
        City = "Алматы", StateOrProvince = "Алматы", PostalCode = "050000", CountryCode = "KZ",
    };

    private static readonly DsData Ds = new(12345, 13, 2, "49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4AC1234");

    public static TheoryData<string> CommandNames => new(Commands.Keys);

    private static readonly Dictionary<string, Func<IEppCommand>> Commands = new()
    {
        ["login"] = () => new LoginCommand("registrar1", "secret-1", null, EppLoginTerms.AllOf(EppRegistryProfile.Ietf, "en")),
        ["login with new password"] = () => new LoginCommand("registrar1", "secret-1", "secret-2", EppLoginTerms.AllOf(EppRegistryProfile.Ietf, "en")),
        ["logout"] = () => new LogoutCommand(),
        ["domain:check"] = () => new DomainCheckCommand("example.kz", "пример.қаз", "example.com.ua"),
        ["domain:info"] = () => new DomainInfoCommand("example.kz"),
        ["domain:info with authInfo"] = () => new DomainInfoCommand("example.kz", "2fooBAR"),
        ["domain:create"] = () => new DomainCreateCommand
        {
            DomainName = "example.kz", Period = EppPeriod.Years(2), NameServers = ["ns1.example.kz", "ns2.example.net"],
            Registrant = "jd1234", Contacts = [new("admin", "sh8013"), new("tech", "sh8013")], AuthInfoPassword = "2fooBAR",
        },
        ["domain:create minimal"] = () => new DomainCreateCommand { DomainName = "example.kz", AuthInfoPassword = "2fooBAR" },
        ["domain:create + secDNS"] = () => new DomainCreateCommand
        {
            DomainName = "example.kz", Registrant = "jd1234", AuthInfoPassword = "2fooBAR",
            Extensions = [new SecDnsCreateExtension([Ds], maxSigLife: 604800)],
        },
        ["domain:renew"] = () => new DomainRenewCommand("example.kz", new DateOnly(2027, 4, 3), EppPeriod.Years(1)),
        ["domain:renew months"] = () => new DomainRenewCommand("example.kz", new DateOnly(2027, 4, 3), new EppPeriod(6, PeriodUnit.Months)),
        ["domain:update"] = () => new DomainUpdateCommand
        {
            DomainName = "example.kz",
            Add = new() { NameServers = ["ns3.example.kz"], Contacts = [new("tech", "mak21")], Statuses = [new("clientHold", "Payment overdue.")] },
            Remove = new() { NameServers = ["ns1.example.kz"], Contacts = [new("tech", "sh8013")], Statuses = [new("clientUpdateProhibited")] },
            Change = new DomainChange("sh8013", "2BARfoo"),
        },
        ["domain:update + secDNS add/rem"] = () => new DomainUpdateCommand
        {
            DomainName = "example.kz", Extensions = [new SecDnsUpdateExtension { Add = [Ds], Remove = [Ds with { KeyTag = 1 }] }],
        },
        ["domain:update + secDNS rem all"] = () => new DomainUpdateCommand
        {
            DomainName = "example.kz", Extensions = [new SecDnsUpdateExtension { RemoveAll = true }],
        },
        ["domain:update + rgp restore request"] = () => DomainUpdateCommand.RestoreRequest("example.kz"),
        ["domain:update + rgp restore report"] = () => DomainUpdateCommand.RestoreReport("example.kz", new RgpRestoreReport(
            "Pre-delete data", "Post-restore data", new DateTimeOffset(2026, 7, 10, 22, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 7, 20, 22, 0, 0, TimeSpan.Zero), "Registrant error.",
            ["This registrar has not restored the name to use or sell it.", "The information in this report is true."], "Support ticket 42")),
        ["domain:delete"] = () => new DomainDeleteCommand("example.kz"),
        ["domain:transfer request"] = () => new DomainTransferCommand("example.kz", TransferOperation.Request, "2fooBAR", EppPeriod.Years(1)),
        ["domain:transfer query"] = () => new DomainTransferCommand("example.kz", TransferOperation.Query),
        ["domain:transfer approve"] = () => new DomainTransferCommand("example.kz", TransferOperation.Approve),
        ["domain:transfer reject"] = () => new DomainTransferCommand("example.kz", TransferOperation.Reject),
        ["domain:transfer cancel"] = () => new DomainTransferCommand("example.kz", TransferOperation.Cancel),
        ["contact:check"] = () => new ContactCheckCommand("sh8013", "jd1234"),
        ["contact:info"] = () => new ContactInfoCommand("sh8013", "2fooBAR"),
        ["contact:create"] = () => new ContactCreateCommand
        {
            Id = "sh8013", PostalInfos = [Address, Address with { Type = "int", Name = "Ivan Petrov", Organization = null, Street = [], City = "Almaty", StateOrProvince = null }],
            Voice = "+7.7272555555", Fax = "+7.7272555556", Email = "ivan@example.kz", AuthInfoPassword = "2fooBAR",
        },
        ["contact:update"] = () => new ContactUpdateCommand
        {
            Id = "sh8013", AddStatuses = [new("clientDeleteProhibited")], RemoveStatuses = [new("clientUpdateProhibited")],
            PostalInfos = [Address], Voice = "+7.7272555557", Email = "new@example.kz", AuthInfoPassword = "2BARfoo",
        },
        // KZ-2.3: the registrant's new address, phone and e-mail; chgPostalInfoType lets the name stay as the registry has it.
        ["contact:update address only"] = () => new ContactUpdateCommand
        {
            Id = "sh8013", PostalInfos = [Address with { Name = null, Organization = null }], Voice = "+7.7272555558", Email = "moved@example.kz",
        },
        ["contact:delete"] = () => new ContactDeleteCommand("sh8013"),
        ["host:check"] = () => new HostCheckCommand("ns1.example.kz", "ns2.example.kz"),
        ["host:create"] = () => new HostCreateCommand("ns1.example.kz", IPAddress.Parse("192.0.2.2"), IPAddress.Parse("2001:db8::1")),
        ["host:update"] = () => new HostUpdateCommand
        {
            HostName = "ns1.example.kz", AddAddresses = [IPAddress.Parse("192.0.2.22")], RemoveAddresses = [IPAddress.Parse("192.0.2.2")],
            AddStatuses = [new("clientUpdateProhibited")], NewName = "ns2.example.kz",
        },
        ["host:delete"] = () => new HostDeleteCommand("ns1.example.kz"),
        ["poll req"] = () => new PollRequestCommand(),
        ["poll ack"] = () => new PollAckCommand("12345"),
    };

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Every_emitted_command_frame_validates_against_the_IETF_schemas(string command)
    {
        var frame = EppFrameWriter.Command(Commands[command](), Ietf, "RGR-0190b3c6a1b27f0e9d2c");

        Assert.Empty(EppSchemas.Validate(frame));
    }

    [Fact]
    public async Task Every_emitted_frame_also_passes_xmllint_an_independent_validator()
    {
        var folder = Directory.CreateTempSubdirectory("epp-frames-");
        try
        {
            var files = Commands.Select((command, i) =>
            {
                var path = Path.Combine(folder.FullName, $"frame-{i:00}.xml");
                File.WriteAllBytes(path, EppFrameWriter.Command(command.Value(), Ietf, "RGR-0190b3c6a1b27f0e9d2c"));
                return path;
            }).Append(WriteHello(folder.FullName)).ToList();

            var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "--noout", "--nonet", "--schema", Path.Combine(RepositoryPaths.EppSchemas, "all.xsd") }.Concat(files))
                start.ArgumentList.Add(argument);
            using var xmllint = Process.Start(start)!;
            var report = await xmllint.StandardError.ReadToEndAsync();
            await xmllint.WaitForExitAsync();

            Assert.True(xmllint.ExitCode == 0, report);
            Assert.Equal(files.Count, report.Split('\n').Count(line => line.EndsWith(" validates")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string WriteHello(string folder)
    {
        var path = Path.Combine(folder, "hello.xml");
        File.WriteAllBytes(path, EppFrameWriter.Hello());
        return path;
    }

    [Fact]
    public void A_contact_create_names_its_postal_info_as_the_schema_requires()
    {
        var nameless = new ContactCreateCommand
        {
            Id = "sh8013", PostalInfos = [Address with { Name = null }], Email = "ivan@example.kz", AuthInfoPassword = "2fooBAR",
        };

        Assert.Throws<EppCommandValidationException>(() => EppFrameWriter.Command(nameless, Ietf, "RGR-1"));
    }

    [Fact]
    public void The_hello_frame_validates_against_the_IETF_schemas()
    {
        Assert.Empty(EppSchemas.Validate(EppFrameWriter.Hello()));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void The_frame_the_client_streams_out_is_its_documents_serialization(string command)
    {
        using var sent = Transport.OutgoingFrame.Command(Commands[command](), Ietf, "RGR-0190b3c6a1b27f0e9d2c");

        var document = EppFrameWriter.CommandDocument(Commands[command](), Ietf, "RGR-0190b3c6a1b27f0e9d2c");
        Assert.Equal(EppFrameWriter.Serialize(document), sent.Payload.ToArray());
        Assert.Equal(EppFrameWriter.Command(Commands[command](), Ietf, "RGR-0190b3c6a1b27f0e9d2c"), sent.Payload.ToArray());
    }

    [Fact]
    public void The_schema_check_itself_rejects_an_invalid_frame()
    {
        var frame = EppFrameWriter.Command(new DomainRenewCommand("example.kz", new DateOnly(2027, 1, 1), EppPeriod.Years(1)), Ietf, "RGR-1");
        var broken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(frame).Replace("curExpDate", "currentExpiry"));

        Assert.NotEmpty(EppSchemas.Validate(broken));
    }

    [Fact]
    public void User_data_is_escaped_by_construction()
    {
        var frame = Encoding.UTF8.GetString(EppFrameWriter.Command(Commands["contact:create"](), Ietf, "RGR-1"));

        Assert.Contains("Иван &lt;Петров&gt; &amp; Sons", frame);
        Assert.DoesNotContain("<Петров>", frame);
    }

    [Fact]
    public void A_domain_update_that_changes_nothing_is_refused_before_sending_and_a_restore_request_is_not()
    {
        Assert.Throws<EppCommandValidationException>(() => EppFrameWriter.Command(new DomainUpdateCommand { DomainName = "example.kz" }, Ietf, "RGR-1"));
        Assert.NotEmpty(EppFrameWriter.Command(DomainUpdateCommand.RestoreRequest("example.kz"), Ietf, "RGR-1"));
    }

    [Fact]
    public void A_control_character_in_user_data_is_refused_before_sending()
    {
        var command = new ContactCreateCommand
        {
            Id = "sh8013", PostalInfos = [Address with { Name = "Bad\u0001Name" }], Email = "a@example.kz", AuthInfoPassword = "2fooBAR",
        };

        Assert.Throws<EppCommandValidationException>(() => EppFrameWriter.Command(command, Ietf, "RGR-1"));
    }
}
