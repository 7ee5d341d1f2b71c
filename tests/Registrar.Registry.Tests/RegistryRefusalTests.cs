using Microsoft.Extensions.Logging;
using Moq;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Testing;

namespace Registrar.Registry.Tests;

/// <summary>A registry's refusal reaches operations whole, and the log without the registry's words, which may quote what
/// was sent.</summary>
public sealed class RegistryRefusalTests
{
    [Fact]
    public async Task A_refusal_quoting_the_registrants_e_mail_is_logged_by_its_code_and_handed_on_whole_to_operations()
    {
        var client = new Mock<IEppClient>();
        var quoted = "'moved@mail.example.org' is not an e-mail address this registry takes.";
        client.Setup(c => c.ExecuteAsync(It.IsAny<ContactUpdateCommand>(), "R1-3", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EppCommandFailedException("contact:update", new EppResult(EppResultCode.ParameterValuePolicyError, quoted, []), "R1-3", "s"));
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var executor = Support.MockedRegistry.Executor(client, factory.CreateLogger<RegistryCommandExecutor>());
        var contact = new RegistrantContact(new PostalAddress("KZ", "010000", "Астана", "Астана", "Кенесары", "5"), "moved@mail.example.org", "+7.7172123456");

        var outcome = await executor.ExecuteAsync(new UpdateRegistrantContact("R1-3", "R1", "kz", "example.kz", "RG1", contact), default);

        Assert.Equal(quoted, Assert.IsType<RegistryRefused>(outcome).Message);
        var line = Assert.Single(logs.Lines, l => l.Contains("contact:update"));
        Assert.Contains("2306", line);
        Assert.DoesNotContain("moved@", line);
    }
}
