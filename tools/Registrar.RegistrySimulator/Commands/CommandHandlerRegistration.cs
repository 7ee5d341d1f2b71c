using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Registrar.RegistrySimulator.Commands;

public static class CommandHandlerRegistration
{
    /// <summary>Registers every <see cref="ICommandHandler"/> in this assembly.</summary>
    public static IServiceCollection AddCommandHandlers(this IServiceCollection services)
    {
        var handlers = typeof(ICommandHandler).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICommandHandler).IsAssignableFrom(t));
        foreach (var handler in handlers) services.AddSingleton(typeof(ICommandHandler), handler);
        services.AddSingleton<Domains.DomainRestore>();
        return services;
    }
}
