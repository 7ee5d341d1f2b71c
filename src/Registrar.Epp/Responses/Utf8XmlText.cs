using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Registrar.Epp.Responses;

/// <summary>The byte-level rules of XML 1.0 that <see cref="Utf8FrameXmlReader"/> checks, for the subset it reads: ASCII
/// names, character data with the five predefined entities and character references, line ends normalized. Whatever is
/// outside the subset, or not well-formed, is <see cref="OutsideFastPathException"/>: the full reader then reads the
/// frame and accepts or refuses it as it always has.</summary>
internal static class Utf8XmlText
{
    // XML 1.0 §2.2: below U+0020 only tab, line feed and carriage return are characters.
    private static readonly SearchValues<byte> NotCharacters = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    private static readonly SearchValues<byte> NeedsDecoding = SearchValues.Create("&\t\n\r"u8);

    /// <summary>The whole frame is UTF-8 made of XML characters (U+FFFE and U+FFFF are not; UTF-8 itself excludes
    /// surrogates), checked once, so each name and value only has to be read.</summary>
    public static void CheckCharacters(ReadOnlySpan<byte> frame)
    {
        if (frame.IndexOfAny(NotCharacters) >= 0 || !Utf8.IsValid(frame)
            || frame.IndexOf("\uFFFE"u8) >= 0 || frame.IndexOf("\uFFFF"u8) >= 0)
            throw new OutsideFastPathException();
    }

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    public static bool IsNameStart(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'_';

    public static bool IsNameChar(byte b) => IsNameStart(b) || b is >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.';

    /// <summary>Character data or an attribute's value that stands for itself: no reference, no line end, no tab.</summary>
    public static bool IsVerbatim(ReadOnlySpan<byte> raw) => raw.IndexOfAny(NeedsDecoding) < 0;

    /// <summary>Character data or an attribute's value as the XML processor hands it on (§2.11, §3.3.3, §4.6): entity
    /// and character references replaced, line ends made line feeds, and in an attribute each white-space
    /// character a space.</summary>
    public static string Decode(ReadOnlySpan<byte> raw, bool attribute)
    {
        if (IsVerbatim(raw)) return Encoding.UTF8.GetString(raw);
        var text = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            var next = raw.IndexOfAny(NeedsDecoding);
            if (next < 0) next = raw.Length;
            text.Append(Encoding.UTF8.GetString(raw[..next]));
            raw = raw[next..];
            if (raw.IsEmpty) break;
            switch (raw[0])
            {
                case (byte)'&':
                    raw = AppendReference(raw, text);
                    break;
                case (byte)'\r':
                    text.Append(attribute ? ' ' : '\n');
                    raw = raw.Length > 1 && raw[1] == '\n' ? raw[2..] : raw[1..];
                    break;
                default:
                    text.Append(attribute ? ' ' : (char)raw[0]);
                    raw = raw[1..];
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>A comment's text, which holds no references; "--" may not occur in it, nor may it end in "-". One with a
    /// carriage return is left to the full reader, which drops it where XML makes it a line feed.</summary>
    public static string Comment(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf("--"u8) >= 0 || (!raw.IsEmpty && raw[^1] == '-') || raw.IndexOf((byte)'\r') >= 0) throw new OutsideFastPathException();
        return Encoding.UTF8.GetString(raw);
    }

    /// <summary>Checks character data as it is met, whether or not its value is then asked for: "]]>" may not occur in
    /// it (§2.4) and every reference must be one this reader knows.</summary>
    public static void CheckCharacterData(ReadOnlySpan<byte> raw, bool attribute)
    {
        if (!attribute && raw.IndexOf("]]>"u8) >= 0) throw new OutsideFastPathException();
        if (attribute && raw.IndexOf((byte)'<') >= 0) throw new OutsideFastPathException();
        for (var at = raw.IndexOf((byte)'&'); at >= 0; at = raw.IndexOf((byte)'&'))
        {
            raw = raw[at..];
            raw = AppendReference(raw, text: null);
        }
    }

    /// <summary>Reads the reference at the start of <paramref name="raw"/>, appends what it stands for, and returns what
    /// follows it.</summary>
    private static ReadOnlySpan<byte> AppendReference(ReadOnlySpan<byte> raw, StringBuilder? text)
    {
        var end = raw.IndexOf((byte)';');
        if (end < 2) throw new OutsideFastPathException();
        var name = raw[1..end];
        switch (name)
        {
            case [(byte)'l', (byte)'t']: text?.Append('<'); break;
            case [(byte)'g', (byte)'t']: text?.Append('>'); break;
            case [(byte)'a', (byte)'m', (byte)'p']: text?.Append('&'); break;
            case [(byte)'q', (byte)'u', (byte)'o', (byte)'t']: text?.Append('"'); break;
            case [(byte)'a', (byte)'p', (byte)'o', (byte)'s']: text?.Append('\''); break;
            case [(byte)'#', ..]: AppendCharacter(name[1..], text); break;
            default: throw new OutsideFastPathException();
        }
        return raw[(end + 1)..];
    }

    private static void AppendCharacter(ReadOnlySpan<byte> digits, StringBuilder? text)
    {
        var hex = !digits.IsEmpty && digits[0] == 'x';
        if (hex) digits = digits[1..];
        if (digits.IsEmpty || digits.Length > 8) throw new OutsideFastPathException();
        var value = 0;
        foreach (var digit in digits)
        {
            var number = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' when hex => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' when hex => digit - 'A' + 10,
                _ => throw new OutsideFastPathException(),
            };
            value = value * (hex ? 16 : 10) + number;
        }
        // §2.2 Char: a reference to anything else is not well-formed.
        if (!(value is 0x9 or 0xA or 0xD or >= 0x20 and <= 0xD7FF or >= 0xE000 and <= 0xFFFD or >= 0x10000 and <= 0x10FFFF))
            throw new OutsideFastPathException();
        text?.Append(char.ConvertFromUtf32(value));
    }
}

/// <summary>The frame holds something <see cref="Utf8FrameXmlReader"/> does not read (or that is not well-formed): the full
/// reader takes it over.</summary>
internal sealed class OutsideFastPathException() : Exception("The frame is outside what the fast reader reads.");
