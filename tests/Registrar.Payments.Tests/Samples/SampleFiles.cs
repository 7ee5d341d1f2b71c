namespace Registrar.Payments.Tests.Samples;

internal static class SampleFiles
{
    // Fixed-offset zones keep the tests independent of the machine's tz database.
    public static readonly TimeZoneInfo Almaty = TimeZoneInfo.CreateCustomTimeZone("Test/Almaty", TimeSpan.FromHours(5), "Almaty", "Almaty");
    public static readonly TimeZoneInfo Kyiv = TimeZoneInfo.CreateCustomTimeZone("Test/Kyiv", TimeSpan.FromHours(2), "Kyiv", "Kyiv");

    public static byte[] Camt054(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "camt054", name));
}
