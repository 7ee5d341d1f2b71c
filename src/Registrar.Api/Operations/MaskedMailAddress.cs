namespace Registrar.Api.Operations;

/// <summary>A contact address as operations screens show it: enough to tell two addresses apart
/// ("o***@e***.org"), not enough to write to the customer or to know who they are.</summary>
public static class MaskedMailAddress
{
    private const string Hidden = "***";

    public static string Of(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1) return Hidden;
        var (local, domain) = (address[..at], address[(at + 1)..]);
        var lastDot = domain.LastIndexOf('.');
        var maskedDomain = lastDot > 0 ? domain[0] + Hidden + domain[lastDot..] : domain[0] + Hidden;
        return $"{local[0]}{Hidden}@{maskedDomain}";
    }
}
