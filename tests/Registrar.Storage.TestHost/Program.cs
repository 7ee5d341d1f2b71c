using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.TestHost;

// Configured by environment: Storage__ConnectionString, Storage__NamePrefix, Lifecycle__*.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddRegistrarStorage(builder.Configuration);
builder.Services.AddLifecycleRuntime<TinyState, TinyEvent, TinyCommand, TinyDecider>(builder.Configuration);
builder.Services.AddLifecycleCommandHandler<TinyCommand, RecordingCommandHandler>();

using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("TestHost running");
await host.WaitForShutdownAsync();
