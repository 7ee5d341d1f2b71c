using System.Xml.Linq;
using Registrar.RegistrySimulator.Registry;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>RFC 5731 section 3.2.4: request (by the gaining registrar, with the authInfo), query,
/// approve and reject (by the sponsor), cancel (by the requester). Both registrars get poll messages;
/// the registry approves a request nobody acted on after the zone's auto-approve days.</summary>
public sealed class DomainTransferHandler(RegistrarAccounts accounts) : ICommandHandler
{
    public string Name => "domain:transfer";

    public EppResponse Handle(CommandContext context)
    {
        var op = (string)context.Command.Parent!.Attribute("op")!;
        var domain = DomainRules.Existing(context, ObjectNames.Domain(context.RequiredElement("name")));
        return op switch
        {
            "request" => Request(context, domain),
            "query" => Query(context, domain),
            _ => Act(context, domain, op),
        };
    }

    private EppResponse Request(CommandContext context, Domain domain)
    {
        var settings = context.Store.ZoneOf(domain.Name).Settings;
        if (domain.SponsorId == context.ClientId)
            throw new EppCommandException(ResultCode.NotEligibleForTransfer, $"{domain.Name} is already sponsored by {context.ClientId}.");
        if (domain.HasPendingTransfer)
            throw new EppCommandException(ResultCode.PendingTransfer, $"a transfer of {domain.Name} is already pending.");
        DomainRules.NotProhibited(domain, "transfer", "clientTransferProhibited", "serverTransferProhibited", "pendingDelete");
        if (DomainRules.AuthInfoOf(context) is not { } authInfo || authInfo != domain.AuthInfo)
            throw new EppCommandException(ResultCode.InvalidAuthInfo, $"the authInfo given for {domain.Name} is wrong or missing.");
        var years = context.Element("period") is null ? 1 : DomainRules.PeriodYears(context, settings);
        DomainRules.CanPay(context, accounts, "a transfer");

        var record = new TransferRecord(domain.Name, TransferStatus.Pending, context.ClientId, context.Now, domain.SponsorId,
            context.Now.AddDays(settings.TransferAutoApproveDays), years, domain.ExpiresAt.AddYears(years));
        domain.LastTransfer = record;
        var text = $"Transfer of {domain.Name} requested by {context.ClientId}.";
        context.Store.Enqueue(domain.SponsorId, context.Now, text, new TransferNotice(record));
        context.Store.Enqueue(context.ClientId, context.Now, text, new TransferNotice(record));
        return EppResponse.Pending(TrnData(context, record));
    }

    private static EppResponse Query(CommandContext context, Domain domain)
    {
        var involved = domain.SponsorId == context.ClientId || domain.LastTransfer?.RequestingId == context.ClientId;
        var authInfo = DomainRules.AuthInfoOf(context);
        if (!involved && authInfo is null)
            throw new EppCommandException(ResultCode.AuthorizationError, $"only the registrars involved, or one with the authInfo, may query transfers of {domain.Name}.");
        // RFC 5730 section 3: authorization information that is wrong is 2202, not a client the server does not authorise (2201).
        if (!involved && authInfo != domain.AuthInfo)
            throw new EppCommandException(ResultCode.InvalidAuthInfo, $"the authInfo given for {domain.Name} is wrong.");
        var record = domain.LastTransfer
            ?? throw new EppCommandException(ResultCode.NotPendingTransfer, $"{domain.Name} has never been transferred.");
        return EppResponse.Ok(TrnData(context, record));
    }

    private static EppResponse Act(CommandContext context, Domain domain, string op)
    {
        if (!domain.HasPendingTransfer)
            throw new EppCommandException(ResultCode.NotPendingTransfer, $"no transfer of {domain.Name} is pending.");
        var pending = domain.LastTransfer!;
        var actor = op == "cancel" ? pending.RequestingId : domain.SponsorId;
        if (actor != context.ClientId)
            throw new EppCommandException(ResultCode.AuthorizationError, $"only {actor} may {op} this transfer.");

        var status = op switch
        {
            "approve" => TransferStatus.ClientApproved,
            "reject" => TransferStatus.ClientRejected,
            _ => TransferStatus.ClientCancelled,
        };
        context.Store.Lifecycle.CompleteTransfer(domain, status, context.Now);
        return EppResponse.Ok(TrnData(context, domain.LastTransfer!));
    }

    public static XElement TrnData(CommandContext context, TransferRecord record) => TransferNotice.TrnData(context.Profile.Domain, record);
}
