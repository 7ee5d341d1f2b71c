namespace Registrar.Core.Registrations;

/// <summary>The zone- and calendar-dependent instants the registration decider needs.</summary>
public interface IRegistrationSchedule
{
    /// <summary>KZ-2.1: the end of the last business day on which a registration paid at <paramref name="paidAt"/> must be done.</summary>
    DateTimeOffset RegistrationDueBy(string zone, DateTimeOffset paidAt);
}
