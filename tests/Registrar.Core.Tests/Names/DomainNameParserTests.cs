using Registrar.Core.Names;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Names;

public sealed class DomainNameParserTests
{
    private readonly DomainNameParser parser = new(ZoneCatalog.LoadEmbedded(), RefusalList.LoadEmbedded());

    [Theory]
    [InlineData("пример.қаз")]
    [InlineData("Пример.ҚАЗ")]
    [InlineData("xn--e1afmkfd.xn--80ao21a")]
    [InlineData("XN--E1AFMKFD.XN--80AO21A")]
    [InlineData("пример.xn--80ao21a")]
    [InlineData("  пример.қаз. ")]
    public void A_qaz_name_has_one_Unicode_and_one_A_label_form_whichever_is_typed(string typed)
    {
        var name = parser.Parse(typed).ValueOrThrow();

        Assert.Equal("пример.қаз", name.Unicode);
        Assert.Equal("xn--e1afmkfd.xn--80ao21a", name.Ascii);
        Assert.Equal(["пример", "қаз"], name.Labels);
        Assert.Equal("пример", name.Label);
        Assert.Equal("қаз", name.Zone.Zone);
        Assert.Equal("пример.қаз", name.ToString());
    }

    [Fact]
    public void Kazakh_letters_are_part_of_the_qaz_repertoire()
    {
        var name = parser.Parse("әғқңөұүһі.қаз").ValueOrThrow();

        Assert.StartsWith("xn--", name.Ascii);
        Assert.Equal("әғқңөұүһі.қаз", parser.Parse(name.Ascii).ValueOrThrow().Unicode);
    }

    [Theory]
    [InlineData("мои\u0306-саи\u0306т.қаз")]
    [InlineData("МОИ\u0306-САИ\u0306Т.ҚАЗ")]
    [InlineData("xn----8sbzclmxk.қаз")]
    public void A_name_typed_decomposed_is_read_as_its_composed_form_UTS_46(string typed)
    {
        var name = parser.Parse(typed).ValueOrThrow();

        Assert.Equal("мой-сайт.қаз", name.Unicode);
        Assert.Equal(parser.Parse("мой-сайт.қаз").ValueOrThrow(), name);
    }

    [Theory]
    [InlineData("пример\u3002қаз")]
    [InlineData("пример\uFF0Eқаз")]
    [InlineData("пример\uFF61қаз")]
    [InlineData("пример\u3002қаз\u3002")]
    public void An_ideographic_or_full_width_full_stop_separates_labels_as_a_dot_does_UTS_46(string typed)
    {
        Assert.Equal("пример.қаз", parser.Parse(typed).ValueOrThrow().Unicode);
    }

    [Theory]
    [InlineData("Example.KZ", "example.kz", "kz")]
    [InlineData("example.kz.", "example.kz", "kz")]
    [InlineData("my-shop-24.com.ua", "my-shop-24.com.ua", "com.ua")]
    [InlineData("kavun.KIEV.ua", "kavun.kiev.ua", "kiev.ua")]
    [InlineData("kavun.kyiv.ua", "kavun.kyiv.ua", "kyiv.ua")]
    [InlineData("brand.ua", "brand.ua", "ua")]
    [InlineData("１２３.kz", "123.kz", "kz")]
    public void An_ascii_name_is_case_folded_and_loses_its_trailing_dot(string typed, string expected, string zone)
    {
        var name = parser.Parse(typed).ValueOrThrow();

        Assert.Equal(expected, name.Ascii);
        Assert.Equal(expected, name.Unicode);
        Assert.Equal(zone, name.Zone.Zone);
    }

    [Fact]
    public void A_second_level_ua_name_needs_a_trademark_UA_Pre_7()
    {
        Assert.True(parser.Parse("brand.ua").ValueOrThrow().RequiresTrademark);
    }

    [Theory]
    [InlineData("brand.com.ua")]
    [InlineData("brand.kiev.ua")]
    [InlineData("brand.kyiv.ua")]
    [InlineData("brand.kz")]
    [InlineData("бренд.қаз")]
    public void Names_outside_second_level_ua_need_no_trademark_UA_Pre_7(string typed)
    {
        Assert.False(parser.Parse(typed).ValueOrThrow().RequiresTrademark);
    }

    [Theory]
    [InlineData("", NameRefusalReason.Empty, "Type a domain name")]
    [InlineData("   ", NameRefusalReason.Empty, "Type a domain name")]
    [InlineData(null, NameRefusalReason.Empty, "Type a domain name")]
    [InlineData("my shop.kz", NameRefusalReason.InvalidCharacter, "A space cannot appear")]
    [InlineData("my_shop.kz", NameRefusalReason.InvalidCharacter, "'_' (U+005F) cannot appear")]
    [InlineData("shop!.kz", NameRefusalReason.InvalidCharacter, "'!' (U+0021)")]
    [InlineData("shox\u0306.kz", NameRefusalReason.InvalidCharacter, "(U+0306) cannot appear")]
    [InlineData("a\u3002\uFF0Ekz", NameRefusalReason.EmptyLabel, "empty label")]
    [InlineData("a..kz", NameRefusalReason.EmptyLabel, "empty label")]
    [InlineData(".kz.", NameRefusalReason.EmptyLabel, "empty label")]
    [InlineData("-shop.kz", NameRefusalReason.HyphenAtLabelEdge, "'-shop' starts or ends with a hyphen")]
    [InlineData("shop-.com.ua", NameRefusalReason.HyphenAtLabelEdge, "'shop-' starts or ends with a hyphen")]
    [InlineData("ab--cd.kz", NameRefusalReason.ReservedHyphens, "3rd and 4th positions")]
    [InlineData("xn--abc.kz", NameRefusalReason.InvalidIdn, "'xn--abc' is not a valid internationalised label")]
    [InlineData("shop.ru", NameRefusalReason.UnknownZone, "'shop.ru' is not in a zone this registrar serves; the zones are: .kz")]
    [InlineData("shop.org.ua", NameRefusalReason.NotDirectlyUnderZone, "such as org.ua; '.org.ua' is not a zone this registrar serves")]
    [InlineData("localhost", NameRefusalReason.UnknownZone, "not in a zone this registrar serves")]
    [InlineData("kz", NameRefusalReason.ZoneOnly, "'.kz' is a zone, not a name in it; type a name such as example.kz.")]
    [InlineData("XN--80AO21A", NameRefusalReason.ZoneOnly, "'.қаз' is a zone")]
    [InlineData("www.shop.kz", NameRefusalReason.NotDirectlyUnderZone, "Names are registered directly under a zone, such as shop.kz; '.shop.kz' is not a zone")]
    [InlineData("www.магазин.қаз", NameRefusalReason.NotDirectlyUnderZone, "such as магазин.қаз; '.магазин.қаз' is not a zone")]
    [InlineData("пример.kz", NameRefusalReason.OutsideZoneRepertoire, "'п' (U+043F) cannot be used in .kz names, which use Latin letters a-z, digits and hyphen.")]
    [InlineData("pаypal.kz", NameRefusalReason.OutsideZoneRepertoire, "'а' (U+0430) cannot be used in .kz names")]
    [InlineData("xn--e1afmkfd.kz", NameRefusalReason.OutsideZoneRepertoire, "cannot be used in .kz names")]
    [InlineData("shop.қаз", NameRefusalReason.OutsideZoneRepertoire, "'s' (U+0073) cannot be used in .қаз names, which use Cyrillic letters")]
    [InlineData("магазин.com.ua", NameRefusalReason.OutsideZoneRepertoire, "cannot be used in .com.ua names")]
    [InlineData("straße.kz", NameRefusalReason.OutsideZoneRepertoire, "'ß' (U+00DF) cannot be used in .kz names")]
    public void An_invalid_name_is_refused_with_its_reason_and_what_to_do_UA_2_1_1_KZ_App_8(string? typed, NameRefusalReason reason, string message)
    {
        var result = parser.Parse(typed);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Refusal.Reason);
        Assert.Contains(message, result.Refusal.Message);
        Assert.Equal(typed ?? "", result.Refusal.Input);
    }

    [Theory]
    [InlineData("\uFB00--x.kz", "'\uFB00--x' has hyphens in the 3rd and 4th positions once written in ASCII")]
    [InlineData("\u01F3--x.kz", "3rd and 4th positions")]
    [InlineData("\u0133--x.com.ua", "3rd and 4th positions")]
    [InlineData("a.\uFB01--x.kz", "3rd and 4th positions")]
    public void Hyphens_a_ligature_moves_into_the_3rd_and_4th_positions_are_refused_RFC_5891_4_2_3_1(string typed, string message)
    {
        // UTS #46 maps 'ﬀ' (U+FB00) to "ff" before it encodes: the label typed has its hyphens in the 2nd and 3rd positions,
        // the label registered would have them in the 3rd and 4th.
        var result = parser.Parse(typed);

        Assert.Equal(NameRefusalReason.ReservedHyphens, result.Refusal!.Reason);
        Assert.Contains(message, result.Refusal.Message);
    }

    [Fact]
    public void A_label_of_ligatures_is_measured_as_the_letters_they_stand_for_RFC_5890()
    {
        var result = parser.Parse(string.Concat(Enumerable.Repeat("\uFB00", 40)) + ".kz");

        Assert.Equal(NameRefusalReason.LabelTooLong, result.Refusal!.Reason);
        Assert.Contains("80 characters long in its ASCII form", result.Refusal.Message);
    }

    [Fact]
    public void A_name_that_is_not_valid_UTF_16_is_refused_not_thrown()
    {
        var result = parser.Parse("shop\uD800.kz");

        Assert.Equal(NameRefusalReason.InvalidCharacter, result.Refusal!.Reason);
    }

    [Fact]
    public void A_label_longer_than_63_octets_is_refused()
    {
        Assert.True(parser.Parse(new string('a', 63) + ".kz").IsValid);

        var result = parser.Parse(new string('a', 64) + ".kz");

        Assert.Equal(NameRefusalReason.LabelTooLong, result.Refusal!.Reason);
        Assert.Contains("64 characters long in its ASCII form; a label has at most 63", result.Refusal.Message);
    }

    [Theory]
    [InlineData("com.ua")]
    [InlineData("KIEV.UA.")]
    [InlineData("kyiv.ua")]
    public void A_zone_this_registrar_serves_is_not_a_name_in_its_parent_zone_UA_2_1_1(string typed)
    {
        // Without the registrar's refusal list: a zone is no name whatever operations list.
        var withoutRefusals = new DomainNameParser(ZoneCatalog.LoadEmbedded(), RefusalList.Parse("""{"reserved":{},"publicOrderWords":[]}"""));

        foreach (var result in new[] { withoutRefusals.Parse(typed), withoutRefusals.ParseForRegistration(typed), parser.ParseForRegistration(typed) })
        {
            Assert.Equal(NameRefusalReason.ZoneOnly, result.Refusal!.Reason);
            Assert.Contains("is a zone, not a name in it", result.Refusal.Message);
        }
    }

    [Fact]
    public void An_overlong_label_is_refused_at_once_whatever_its_length_RFC_5890()
    {
        // 20,000 distinct letters fit in one 64 KiB request body; measuring their A-label took the encoder's quadratic time.
        var label = string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)(0x4E00 + i)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = parser.Parse(label + ".kz");

        Assert.Equal(NameRefusalReason.LabelTooLong, result.Refusal!.Reason);
        Assert.Contains("a label has at most 63", result.Refusal.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void A_cyrillic_label_is_measured_in_its_A_label_form()
    {
        // 45 letters, but more than 63 octets once encoded as an A-label.
        const string label = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіабв";

        var result = parser.Parse(label + ".қаз");

        Assert.Equal(NameRefusalReason.LabelTooLong, result.Refusal!.Reason);
        Assert.Matches("is (6[4-9]|[7-9][0-9]) characters long in its ASCII form; a label has at most 63", result.Refusal.Message);
    }

    [Fact]
    public void A_name_longer_than_253_octets_is_refused()
    {
        var longName = string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + ".kz";

        var result = parser.Parse(longName);

        Assert.Equal(NameRefusalReason.NameTooLong, result.Refusal!.Reason);
        Assert.Contains("at most 253", result.Refusal.Message);
    }

    [Fact]
    public void A_refused_name_thrown_carries_its_refusal()
    {
        var error = Assert.Throws<InvalidDomainNameException>(() => parser.Parse("shop.ru").ValueOrThrow());

        Assert.Equal(NameRefusalReason.UnknownZone, error.Refusal.Reason);
        Assert.Equal(error.Refusal.Message, error.Message);
    }

    [Fact]
    public void Two_spellings_of_one_name_are_equal()
    {
        Assert.Equal(parser.Parse("ПРИМЕР.ҚАЗ").Name, parser.Parse("xn--e1afmkfd.xn--80ao21a").Name);
        Assert.Equal(parser.Parse("ПРИМЕР.ҚАЗ").Name!.GetHashCode(), parser.Parse("xn--e1afmkfd.xn--80ao21a").Name!.GetHashCode());
        Assert.NotEqual(parser.Parse("shop.kiev.ua").Name, parser.Parse("shop.kyiv.ua").Name);
    }
}
