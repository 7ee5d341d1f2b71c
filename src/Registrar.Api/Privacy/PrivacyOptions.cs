using System.ComponentModel.DataAnnotations;

namespace Registrar.Api.Privacy;

/// <summary>Bound from "Privacy".</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Between runs of <see cref="PersonalDataErasureCheck"/> in the local host; the Functions app's timer has its
    /// schedule in its attribute. Erasures fall due years apart, so a short interval only matters when the operations clock moves.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ErasureCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Erasures carried out per read of the schedule; a run reads again until nothing due is left.</summary>
    [Range(1, 1000)]
    public int ErasureBatchSize { get; set; } = 100;

    /// <summary>IANA id of where the registrar is, whose years count the retention (UA-Pre-6). An erasure request's reply is dated
    /// in the zone of its contracts' registrar instead (<see cref="ErasureRequestHandler"/>).</summary>
    [Required]
    public string RegistrarTimeZone { get; set; } = "Europe/Kyiv";

    /// <summary>UA-Pre-6: the five years of retention are the registrar's years, counted in this zone.</summary>
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(RegistrarTimeZone);
}
