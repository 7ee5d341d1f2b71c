namespace Registrar.Core.Orders;

/// <summary>The languages a customer can receive notices in: the two offers' languages (Russian for
/// .kz/.қаз, Ukrainian for .ua), Kazakh and English.</summary>
public static class CustomerLanguages
{
    public const string Russian = "ru";
    public const string Ukrainian = "uk";
    public const string Kazakh = "kk";
    public const string English = "en";

    /// <summary>ISO 639-1 codes, lower case.</summary>
    public static IReadOnlyList<string> All { get; } = [Russian, Ukrainian, Kazakh, English];

    public static bool IsSupported(string? language) => language is not null && All.Contains(language, StringComparer.Ordinal);
}
