using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registrar.RegistrySimulator;
using Registrar.RegistrySimulator.Commands;
using Registrar.RegistrySimulator.Commands.Session;
using Registrar.RegistrySimulator.Control;
using Registrar.RegistrySimulator.Faults;
using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Transport;
using Registrar.RegistrySimulator.Xml;

SimulatorOptions options;
FrameValidator validator;
ServiceMenu menu;
try
{
    options = SimulatorOptions.Parse(args, AppContext.BaseDirectory);
    validator = new FrameValidator(options.SchemaDirectory);
    menu = new ServiceMenu(options);
}
catch (Exception e) when (e is ArgumentException or FileNotFoundException or System.Xml.XmlException or System.Xml.Schema.XmlSchemaException)
{
    Console.Error.WriteLine($"registry simulator: {e.Message}");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls($"http://127.0.0.1:{options.ControlPort}");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var services = builder.Services;
services.AddSingleton(options);
services.AddSingleton(validator);
services.AddSingleton(menu);
services.AddSingleton<ServedNamespaces>();
services.AddSingleton(new SimulatorClock(TimeProvider.System));
services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SimulatorClock>());
services.AddSingleton(_ => new RegistryStore(ZoneSettings.WithOverrides(builder.Configuration.GetSection("Zones"))));
services.AddSingleton(_ => new RegistrarAccounts(options.Registrars));
services.AddSingleton<SessionRegistry>();
services.AddSingleton<CommandStatistics>();
services.AddSingleton<FaultInjector>();
services.AddSingleton(_ => new FrameCodec(options.MaxFrameBytes));
services.AddSingleton(_ => new FrameParser(options.MaxFrameBytes));
services.AddSingleton<Greeting>();
services.AddSingleton<ResponseWriter>();
services.AddSingleton<CommandDispatcher>();
services.AddCommandHandlers();
services.AddTransient<EppConnection>();
services.AddSingleton<Func<EppConnection>>(sp => sp.GetRequiredService<EppConnection>);
services.AddSingleton<EppListener>();
services.AddHostedService(sp => sp.GetRequiredService<EppListener>());

var app = builder.Build();
app.MapControlApi();

var listener = app.Services.GetRequiredService<EppListener>();
listener.Bind();
await app.StartAsync();
var controlAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

// Clients pin this, since a self-signed certificate has no chain to validate.
Console.WriteLine($"TLS certificate SHA-256 {listener.Certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)}");
Console.WriteLine($"EPP listening on 127.0.0.1:{listener.Port}");
Console.WriteLine($"Control listening on {controlAddress}");
await app.WaitForShutdownAsync();
return 0;
