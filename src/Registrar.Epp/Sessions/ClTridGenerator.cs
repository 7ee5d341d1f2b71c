using System.Security.Cryptography;

namespace Registrar.Epp.Sessions;

/// <summary>Unique client transaction ids: a configured prefix, then 32 hex digits that sort by time in
/// registry logs and never repeat across processes: the Unix time in milliseconds (12 digits), a counter of
/// this generator (8), and a random number drawn once per generator (12). Unlike a random GUID per id, the
/// random part costs one call to the system's generator per process instead of one per command.</summary>
public sealed class ClTridGenerator
{
    private readonly string _prefix;
    private readonly long _instance = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long))) & 0xFFFF_FFFF_FFFF;
    private int _counter;

    public ClTridGenerator(string prefix)
    {
        if (prefix.Length is < 1 or > 16 || !prefix.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"The clTRID prefix must be 1 to 16 ASCII letters or digits, not '{prefix}'.", nameof(prefix));
        _prefix = prefix;
    }

    public string Next()
    {
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFF;
        var count = (uint)Interlocked.Increment(ref _counter);
        return string.Create(null, stackalloc char[64], $"{_prefix}-{milliseconds:x12}{count:x8}{_instance:x12}");
    }
}
