using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registrar.Core.Money;

/// <summary>A currency as its ISO 4217 code: "KZT".</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var code = reader.GetString();
        return Currency.TryFromCode(code, out var currency)
            ? currency
            : throw new JsonException(new UnknownCurrencyException(code ?? "null").Message);
    }

    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Code);
}

/// <summary>
/// Money as <c>{"amount":"1500.00","currency":"KZT"}</c>: the amount is a string so no JSON reader
/// on the way turns it into a binary floating-point number.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Money is an object with 'amount' and 'currency'.");
        string? amount = null, currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "amount": amount = reader.TokenType == JsonTokenType.Number ? ReadNumberText(ref reader) : reader.GetString(); break;
                case "currency": currency = reader.GetString(); break;
                default: throw new JsonException($"Money has no property '{property}'.");
            }
        }
        if (amount is null || currency is null) throw new JsonException("Money needs both 'amount' and 'currency'.");
        try
        {
            return Money.Parse(amount, Currency.FromCode(currency));
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("amount", value.Amount.ToString("F" + value.Currency.MinorUnits, CultureInfo.InvariantCulture));
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }

    private static string ReadNumberText(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
}
