using Registrar.Bench;

var benchmarks = new Dictionary<string, Func<string[], Task<int>>>
{
    ["epp"] = EppBenchmark.RunAsync,
    ["storage"] = StorageBenchmark.RunAsync,
    ["bankfile"] = BankFileBenchmark.RunAsync,
    ["burst"] = BurstBenchmark.RunAsync,
    ["start"] = StartBenchmark.RunAsync,
    ["year"] = YearBenchmark.RunAsync,
};

if (args.FirstOrDefault() == "all")
{
    // Issue 16's figures one after another, each with its defaults; a failing one does not hide the rest.
    var failed = 0;
    foreach (var (name, run) in benchmarks)
    {
        Console.WriteLine();
        try
        {
            if (await run([]) != 0) failed++;
        }
        catch (Exception e)
        {
            Console.WriteLine($"{name} failed: {e.Message}");
            failed++;
        }
    }
    return failed == 0 ? 0 : 1;
}
if (args.Length > 0 && benchmarks.TryGetValue(args[0], out var benchmark)) return await benchmark(args[1..]);
Console.Error.WriteLine($"Usage: dotnet run -c Release --project bench/Registrar.Bench -- <all|{string.Join('|', benchmarks.Keys)}> [options]");
return 2;
