using System.Text.Json;
using Registrar.Core.Persistence;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Persistence;

public sealed class GoldenRenewalInvoiceCommandTests
{
    /// <summary>Renewal invoice commands stored before they carried when they were asked read without it: their issue
    /// instant is fixed by their first attempt, as it was when they were stored (UA-3.3).</summary>
    [Fact]
    public void A_renewal_invoice_command_stored_before_it_carried_when_it_was_asked_still_reads()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-commands.before-asked-at.json"));

        var read = JsonSerializer.Deserialize<RegistrationCommand[]>(before, StoredJson.Options);

        Assert.Equal(2, read!.OfType<IssueRenewalInvoice>().Count());
        Assert.All(read!.OfType<IssueRenewalInvoice>(), command => Assert.Null(command.AskedAt));
    }
}
