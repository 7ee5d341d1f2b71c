namespace Registrar.Epp.Sessions;

/// <summary>Unique client transaction ids: a configured prefix and a time-ordered GUID, so ids sort
/// by time in registry logs and never repeat across processes.</summary>
public sealed class ClTridGenerator
{
    private readonly string _prefix;

    public ClTridGenerator(string prefix)
    {
        if (prefix.Length is < 1 or > 16 || !prefix.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"The clTRID prefix must be 1 to 16 ASCII letters or digits, not '{prefix}'.", nameof(prefix));
        _prefix = prefix;
    }

    public string Next() => $"{_prefix}-{Guid.CreateVersion7():N}";
}
