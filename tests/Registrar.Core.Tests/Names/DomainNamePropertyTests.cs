using System.Globalization;
using CsCheck;
using Registrar.Core.Names;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Names;

public sealed class DomainNamePropertyTests
{
    private const string KazakhCyrillic = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі0123456789";
    private const string Ldh = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly DomainNameParser parser = new(ZoneCatalog.LoadEmbedded(), RefusalList.LoadEmbedded());
    private readonly IdnMapping idn = new() { UseStd3AsciiRules = true };

    /// <summary>Labels from <paramref name="letters"/> with inner hyphens, never at an edge nor in positions 3-4.</summary>
    private static Gen<string> Label(string letters, int maxLength) =>
        Gen.Select(Gen.Char[letters], Gen.Char[letters + "-"].Array[0, maxLength - 2], Gen.Char[letters], Gen.Bool)
            .Select((first, middle, last, single) => single ? first.ToString() : first + new string(middle) + last)
            .Where(label => label.Length < 4 || label[2..4] != "--");

    [Fact]
    public void A_generated_qaz_name_round_trips_between_its_U_label_and_A_label_forms()
    {
        Label(KazakhCyrillic, 20).Sample(label =>
        {
            var name = parser.Parse(label + ".қаз").ValueOrThrow();

            Assert.Equal(label + ".қаз", name.Unicode);
            Assert.Equal(name.Ascii, idn.GetAscii(name.Unicode));
            Assert.Equal(name.Unicode, idn.GetUnicode(name.Ascii));
            Assert.Equal(name.Unicode, parser.Parse(name.Ascii).ValueOrThrow().Unicode);
        });
    }

    [Fact]
    public void A_generated_kz_name_is_its_own_A_label_form_in_lower_case()
    {
        Label(Ldh, 63).Sample(label =>
        {
            var name = parser.Parse(label.ToUpperInvariant() + ".KZ").ValueOrThrow();

            Assert.Equal(label + ".kz", name.Ascii);
            Assert.Equal(name.Ascii, name.Unicode);
            Assert.Equal(name, parser.Parse(name.Unicode).ValueOrThrow());
        });
    }

    [Fact]
    public void A_qaz_label_of_any_length_is_a_name_or_too_long_never_an_invalid_idn()
    {
        Gen.Char[KazakhCyrillic].Array[1, 70].Select(letters => new string(letters)).Sample(label =>
        {
            var result = parser.Parse(label + ".қаз");

            if (result.IsValid)
                Assert.True(result.Name.Ascii.Split('.')[0].Length <= 63);
            else
                Assert.Equal(NameRefusalReason.LabelTooLong, result.Refusal.Reason);
        });
    }

    [Fact]
    public void Parsing_a_parsed_name_gives_the_same_name()
    {
        var zones = Gen.OneOfConst("kz", "қаз", "xn--80ao21a", "ua", "com.ua", "kiev.ua", "kyiv.ua", "ru", "");
        var typed = Gen.Select(Gen.OneOf(Label(KazakhCyrillic, 12), Label(Ldh, 12), Gen.String), zones)
            .Select((label, zone) => zone.Length == 0 ? label : label + "." + zone);

        typed.Sample(input =>
        {
            var first = parser.Parse(input);
            if (!first.IsValid)
                return;
            var again = parser.Parse(first.Name.Ascii);
            Assert.Equal(first.Name, again.Name);
            Assert.Equal(first.Name.Unicode, again.Name!.Unicode);
            Assert.Same(first.Name.Zone, again.Name.Zone);
        });
    }

    [Fact]
    public void Any_typed_text_is_either_a_name_or_a_refusal_with_a_message_never_an_exception()
    {
        Gen.String.Sample(input =>
        {
            var result = parser.ParseForRegistration(input);
            Assert.True(result.IsValid || result.Refusal!.Message.Length > 0);
        });
    }
}
