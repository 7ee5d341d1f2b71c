using System.Text.Json;
using Registrar.Core.Persistence;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Persistence;

public sealed class GoldenTransferCodeHandOverTests
{
    /// <summary>UA-1.5.8: a transfer code request in flight when papers began to keep the code from the contact e-mail reads as
    /// not proved on papers: its code is mailed, as it would have been.</summary>
    [Fact]
    public void A_transfer_code_issue_stored_before_the_hand_over_reads_as_mailed_UA_1_5_8()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-state.before-transfer-code-hand-over.json"));

        var read = JsonSerializer.Deserialize<RegistrationState>(before, StoredJson.Options);

        Assert.Equal(new TransferCodeIssue("r-4", "order-1-1-3", ByPapers: false), read!.TransferCode);
    }

    [Fact]
    public void Commands_queued_before_the_hand_over_still_read_UA_1_5_8()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-commands.before-transfer-code-hand-over.json"));

        var read = JsonSerializer.Deserialize<RegistrationCommand[]>(before, StoredJson.Options);

        Assert.Empty(read!.OfType<KeepTransferCodeForHandOver>());
        Assert.Single(read!.OfType<SetTransferCode>());
    }
}
