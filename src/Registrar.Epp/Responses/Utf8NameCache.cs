using System.Text;
using System.Xml;

namespace Registrar.Epp.Responses;

/// <summary>The strings of the names and namespace URIs a session's frames repeat, found by their UTF-8 bytes: one hash
/// and one comparison, where decoding and atomizing each name again cost more than the rest of reading a frame. A name
/// not held (or pushed out by another of the same hash) is atomized in the reader's <see cref="XmlNameTable"/>; the cache
/// holds a fixed number of entries, none longer than <see cref="MaxBytes"/>, so a peer inventing names cannot grow it.</summary>
internal sealed class Utf8NameCache(XmlNameTable names)
{
    private const int Size = 1024;
    private const int MaxBytes = 128;
    private readonly (byte[] Bytes, string Name)[] _entries = new (byte[], string)[Size];
    private char[] _characters = new char[64];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        ref var entry = ref _entries[Hash(utf8) & (Size - 1)];
        if (entry.Bytes is { } bytes && utf8.SequenceEqual(bytes)) return entry.Name;
        if (utf8.Length > _characters.Length) _characters = new char[utf8.Length];
        var name = names.Add(_characters, 0, Encoding.UTF8.GetChars(utf8, _characters));
        if (utf8.Length <= MaxBytes) entry = (utf8.ToArray(), name);
        return name;
    }

    // FNV-1a: names are short, and a peer choosing names that collide only slows its own frames down.
    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8) hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
