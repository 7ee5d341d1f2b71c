namespace Registrar.Storage.Tables;

/// <summary>FNV-1a over a key's characters: the same in every process and version, unlike <see cref="string.GetHashCode()"/>,
/// so a stored row is always looked for in the partition it was written to.</summary>
public static class StableHash
{
    public static uint Of(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
