using Registrar.Bench;

return args.FirstOrDefault() switch
{
    "epp" => await EppBenchmark.RunAsync(args[1..]),
    "storage" => await StorageBenchmark.RunAsync(args[1..]),
    "bankfile" => await BankFileBenchmark.RunAsync(args[1..]),
    "year" => await YearBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project bench/Registrar.Bench -- <epp|storage|bankfile|year>");
    return 2;
}
