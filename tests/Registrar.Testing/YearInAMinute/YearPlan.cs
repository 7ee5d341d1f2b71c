namespace Registrar.Testing.YearInAMinute;

/// <summary>How a customer treats the renewal of their domain.</summary>
public enum Habit
{
    /// <summary>Pays the first renewal invoice the day it arrives.</summary>
    PaysOnTime,

    /// <summary>Pays once the invoice has lapsed: a .ua name then renews at the redemption tariff (UA-1.11); a .kz
    /// payment finds the invoice lapsed and is held (KZ-3.3), and the name is deleted (KZ-2.8).</summary>
    PaysLate,

    NeverPays,

    /// <summary>Registers for two years: nothing falls due within the run.</summary>
    RegistersForTwoYears,
}

/// <param name="Registrations">How many domains, spread over the six zones and over <paramref name="OrderDays"/>.</param>
/// <param name="Days">Simulated days, one clock step each.</param>
/// <param name="Seed">Fixes the mix of zones and habits, so a failing run can be repeated.</param>
public sealed record YearPlan(int Registrations, int Days, int Seed, int OrderDays = 10)
{
    public static readonly string[] Zones = ["kz", "қаз", "ua", "com.ua", "kiev.ua", "kyiv.ua"];

    public IReadOnlyList<YearCustomer> Customers()
    {
        var random = new Random(Seed);
        var habits = Enum.GetValues<Habit>();
        return Enumerable.Range(0, Registrations).Select(i =>
        {
            var zone = Zones[i % Zones.Length];
            var label = zone == "қаз" ? $"жыл{Seed}н{i}" : $"year{Seed}n{i}";
            return new YearCustomer($"year-{Seed}-{i}", $"{label}.{zone}", zone, habits[random.Next(habits.Length)], random.Next(OrderDays));
        }).ToList();
    }
}

/// <param name="OrderDay">The run day on which the customer orders and pays.</param>
public sealed record YearCustomer(string CustomerId, string DomainName, string Zone, Habit Habit, int OrderDay)
{
    public string Email => CustomerId + "@mail.example.org";

    public bool IsKz => Zone is "kz" or "қаз";

    public string Currency => IsKz ? "KZT" : "UAH";

    public int TermYears => Habit == Habit.RegistersForTwoYears ? 2 : 1;
}
