using System.Globalization;

namespace Registrar.Core.Deadlines;

/// <summary>An instant written as people read it in problem details and explanations: in the offset it carries, which for a
/// deadline is the registrar's zone it was counted in (an invoice's due instant, the renewal deadline), as the mails state them.</summary>
public static class LocalTimes
{
    public static string Text(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", CultureInfo.InvariantCulture);

    /// <summary><paramref name="instant"/> in the offset of <paramref name="beside"/>, so two instants in one sentence read alike.</summary>
    public static string Text(DateTimeOffset instant, DateTimeOffset beside) => Text(instant.ToOffset(beside.Offset));
}
