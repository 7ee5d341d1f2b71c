using System.ComponentModel.DataAnnotations;

namespace Registrar.Api.Claims;

/// <summary>Bound from "Claims".</summary>
public sealed class ClaimOptions
{
    public const string Section = "Claims";

    /// <summary>Between runs of <see cref="OverdueClaimsCheck"/> in the local host; the Functions app's timer has its schedule in its attribute.
    /// Deadlines are whole days, so a short interval only matters when the operations clock is moved.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
