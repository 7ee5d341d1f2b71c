using System.Xml;

namespace Registrar.Epp.Responses;

/// <summary>The element and attribute names one session's responses use, kept from one response to the
/// next, so that reading a response neither builds a name table nor allocates its names again. A registry
/// speaks a few hundred names; past <see cref="MaxNames"/> (a broken or hostile peer inventing names) the
/// table starts over, so it cannot grow without bound. Not thread-safe: one per session.</summary>
internal sealed class SessionNameTable : XmlNameTable
{
    private const int MaxNames = 4096;
    private NameTable _names = new();
    private int _count;

    /// <summary>Between frames only: a reader relies on the names it was handed staying the same objects.</summary>
    public void StartOverIfFull()
    {
        if (_count <= MaxNames) return;
        _names = new NameTable();
        _count = 0;
    }

    public override string Add(char[] key, int start, int len) => _names.Get(key, start, len) ?? Added(_names.Add(key, start, len));

    public override string Add(string array) => _names.Get(array) ?? Added(_names.Add(array));

    public override string? Get(char[] key, int start, int len) => _names.Get(key, start, len);

    public override string? Get(string array) => _names.Get(array);

    private string Added(string name)
    {
        _count++;
        return name;
    }
}
