using Registrar.Core.Customers;

namespace Registrar.Core.Orders;

/// <summary>The outcome of checking an order request: either refusals by field, or the priced lines.</summary>
public sealed record OrderCheck
{
    private OrderCheck(OrderRequest? request, IReadOnlyList<OrderLine> lines, TechnicalContact? technicalContact,
        IReadOnlyDictionary<string, string[]> errors)
    {
        Request = request;
        Lines = lines;
        TechnicalContact = technicalContact;
        Errors = errors;
    }

    public OrderRequest? Request { get; }
    public IReadOnlyList<OrderLine> Lines { get; }
    public TechnicalContact? TechnicalContact { get; }
    public IReadOnlyDictionary<string, string[]> Errors { get; }
    public bool IsPassed => Errors.Count == 0;

    /// <summary>The invoice series: the registrar's country, so .kz and .ua invoices never share a number.</summary>
    public string InvoiceSeries(Zones.ZoneCatalog zones) => zones.For(Lines[0].Zone).CalendarCountry;

    internal static OrderCheck Passed(OrderRequest request, IReadOnlyList<OrderLine> lines, TechnicalContact technicalContact) =>
        new(request, lines, technicalContact, new Dictionary<string, string[]>());

    internal static OrderCheck Refused(IReadOnlyDictionary<string, string[]> errors) => new(null, [], null, errors);
}

/// <summary>Refusals collected by field (JSON path), several per field.</summary>
internal sealed class OrderErrors
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
    }

    public void Add(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
            foreach (var message in messages) Add(field, message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
