using Registrar.Core.Orders;
using Registrar.Core.Registry;

namespace Registrar.Api.Storefront;

/// <summary>
/// RFC 5731 sections 3.1.2 and 3.2.4, KZ-3.2, UA-1.5.3: a transfer in is paid before it is asked for, so what its registry would
/// refuse is refused before it is invoiced: a code that is not the domain's (2202), and a status under which the registry refuses
/// any transfer request (2304): the registry's or the sponsoring registrar's ban, a transfer already pending, a deletion under
/// way. The code and the statuses are read with domain:info carrying the code. A registry that cannot be asked refuses nothing
/// here: the transfer request finds out, and the customer is told then.
/// </summary>
public sealed class TransferInChecks(IRegistryTransferPreview registry)
{
    /// <summary>The order's transfer lines whose transfer the registry would refuse, each with why, keyed by its field.</summary>
    /// <param name="transfers">Lines with a transfer code, of names the registry holds, with their index among the order's items.</param>
    public async Task<Dictionary<string, string[]>> RefusalsAsync(IEnumerable<(OrderLine Line, int Index)> transfers, CancellationToken ct)
    {
        var previews = await Task.WhenAll(transfers.Select(async t => (t.Line, t.Index, Preview: await PreviewAsync(t.Line, ct))));
        var errors = new Dictionary<string, string[]>();
        foreach (var (line, index, preview) in previews)
        {
            if (preview is null) continue;
            if (!preview.CodeAccepted)
                errors[$"items[{index}].transferCode"] = [$"The registry does not accept this transfer code for {line.DisplayName} (EPP 2202): ask the "
                    + "domain's current registrar for its code. Nothing was ordered."];
            else if (preview.RefusingStatus is { } status)
                errors[$"items[{index}].name"] = [$"{line.DisplayName} cannot be transferred now: the registry shows it {status}, under which it "
                    + $"refuses a transfer (RFC 5731 section 2.3). {WhatToDo(status)} Nothing was ordered."];
        }
        return errors;
    }

    private async Task<TransferPreview?> PreviewAsync(OrderLine line, CancellationToken ct)
    {
        try
        {
            return await registry.PreviewAsync(line.Zone, line.DomainName, line.TransferCode!, ct);
        }
        catch (RegistryUnavailableException)
        {
            return null;
        }
    }

    private static string WhatToDo(string status) => status.ToLowerInvariant() switch
    {
        "clienttransferprohibited" => "Ask the domain's current registrar to lift its transfer lock, then order again.",
        "pendingtransfer" => "A transfer of it is already pending; order again if it does not complete.",
        "pendingdelete" => "It is being deleted; once deleted, its name can be registered.",
        _ => "Only the registry lifts its ban.",
    };
}
