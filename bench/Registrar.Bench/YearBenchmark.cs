using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Registrar.Testing;
using Registrar.Testing.YearInAMinute;

namespace Registrar.Bench;

/// <summary>The year in a minute at full size: registrations across all six zones live a year and more on the
/// operations clock through the local host (Azurite, the simulator over TLS, MailDev), every customer acting on
/// the invoices they see. Prints wall time, storage transactions per domain-year and the host's peak memory
/// beside their goals.</summary>
/// <remarks>Usage: <c>year [--registrations N] [--days D]</c>; defaults 1,000 and 400.</remarks>
public static class YearBenchmark
{
    private const double WallTimeGoalSeconds = 60;
    private const double TransactionsPerDomainYearGoal = 40;

    public static async Task<int> RunAsync(string[] args)
    {
        var registrations = BenchArguments.Option(args, "--registrations", 1_000);
        var days = BenchArguments.Option(args, "--days", 400);
        var product = BenchHost.Product();
        await product.InitializeAsync();
        try
        {
            Console.WriteLine($"Year benchmark: {registrations:N0} registrations over {days} simulated days, {Environment.ProcessorCount} cores.");
            using var operations = product.Operations();
            var before = await StorageReading.ReadAsync(operations);
            var plan = new YearPlan(registrations, days, Seed: 2026);
            var report = await new YearRun(product, plan).RunAsync();
            var after = await StorageReading.ReadAsync(operations);
            var transactions = after.Total - before.Total;

            var domainYears = report.Domains.Sum(d => (days - d.Customer.OrderDay) / 365.0);
            var perDomainYear = transactions / domainYears;
            var scaledWall = report.WallTime.TotalSeconds * 1_000 / domainYears;
            Console.WriteLine($"domain-years lived         {domainYears,10:N1}     clock steps {report.Steps:N0}");
            Console.WriteLine($"wall time                  {report.WallTime.TotalSeconds,10:N1} s   per 1,000 domain-years {scaledWall,8:N1} s   goal <= {WallTimeGoalSeconds} s   ratio {WallTimeGoalSeconds / scaledWall:N2}");
            Console.WriteLine($"  orders placed, paid and registered {report.Phases.Orders.TotalSeconds,6:N1} s   renewal invoices read and paid {report.Phases.Payments.TotalSeconds,6:N1} s   "
                + $"clock steps settled {report.Phases.ClockSteps.TotalSeconds,6:N1} s");
            Console.WriteLine($"storage transactions per domain-year {perDomainYear,8:N1}     goal <= {TransactionsPerDomainYearGoal}     ratio {TransactionsPerDomainYearGoal / perDomainYear:N2}");
            after.PrintSince(before, domainYears, "domain-year");
            Console.WriteLine($"host peak working set      {PeakMegabytes(product.HostProcessId),10:N0} MB");
            Console.WriteLine($"renewal payments applied   {report.Payments.Count(p => p.BankAnswer.Contains("applied")),10:N0}   held {report.Payments.Count(p => p.BankAnswer.Contains("held")),6:N0}");
            // Each notice once: its Message-Id is the notice's, so a repeat is a notice mailed twice.
            var mail = (CountingSmtpSink)product.MailSink;
            Console.WriteLine($"notices mailed             {mail.Received,10:N0}   mailed twice {mail.Repeated.Count,6:N0}");
            return mail.Repeated.Count == 0 ? 0 : 1;
        }
        finally
        {
            await product.DisposeAsync();
        }
    }

    /// <summary>VmHWM from /proc: the resident set's high-water mark of the host process.</summary>
    private static double PeakMegabytes(int? processId)
    {
        var status = processId is { } id ? $"/proc/{id}/status" : null;
        if (status is null || !File.Exists(status)) return double.NaN;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

}
