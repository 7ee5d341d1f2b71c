using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>RFC 5731 section 3.2.3. curExpDate must match the current expiry, so a repeated renew
/// (a retry after a lost answer) cannot extend the registration twice.</summary>
public sealed class DomainRenewHandler(RegistrarAccounts accounts) : ICommandHandler
{
    public string Name => "domain:renew";

    public EppResponse Handle(CommandContext context)
    {
        var domain = DomainRules.Existing(context, ObjectNames.Domain(context.RequiredElement("name")));
        var settings = context.Store.ZoneOf(domain.Name).Settings;
        DomainRules.SponsoredByCaller(context, domain);
        DomainRules.NotProhibited(domain, "renewal", "clientRenewProhibited", "serverRenewProhibited", "pendingDelete", "pendingTransfer");
        var curExpDate = context.RequiredElement("curExpDate");
        var (stated, zone) = EppDates.ParseDate(curExpDate.Value.Trim());
        var actual = DateOnly.FromDateTime(domain.ExpiresAt.ToOffset(zone).DateTime);
        if (stated != actual)
            throw new EppCommandException(ResultCode.ParameterPolicy, $"curExpDate {stated:yyyy-MM-dd} does not match the expiry date of {domain.Name}, {actual:yyyy-MM-dd}.", curExpDate);
        var years = DomainRules.PeriodYears(context, settings);
        var newExpiry = domain.ExpiresAt.AddYears(years);
        // RFC 5730 section 3: a period the protocol admits that local policy refuses from this expiry is 2306.
        if (newExpiry > context.Now.AddYears(settings.MaxRegistrationYears))
            throw new EppCommandException(ResultCode.ParameterPolicy,
                $"renewing {domain.Name} by {years} years would take it past the {settings.MaxRegistrationYears}-year maximum.", context.Element("period"));
        DomainRules.CanPay(context, accounts, "a renewal");

        domain.ExpiresAt = newExpiry;
        if (domain.Phase == DomainPhase.ExpiredGrace && newExpiry > context.Now) domain.Phase = DomainPhase.Active;
        domain.UpdaterId = context.ClientId;
        domain.UpdatedAt = context.Now;

        return EppResponse.Ok(context.Res("renData",
            context.Res("name", domain.Name),
            context.Res("exDate", EppDates.Format(domain.ExpiresAt))));
    }
}
