using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registrar.Api.Http;

/// <summary>
/// An enum in a request body is one of its names, as the problem that refuses another value lists them. The framework's string
/// converter also reads a comma list as flags ("NaturalPerson, LegalEntity" became LegalEntity) and blanks around a name;
/// neither is a value the API documents. The case of a name is not held against a client.
/// </summary>
public sealed class EnumNames : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NameOnly<>).MakeGenericType(typeToConvert))!;

    private sealed class NameOnly<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // A null message: the serializer words the refusal with the field's path, and JsonErrors says what is expected.
            if (reader.TokenType != JsonTokenType.String) throw new JsonException();
            var name = reader.GetString()!;
            return Enum.GetNames<T>().FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } known
                ? Enum.Parse<T>(known)
                : throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
