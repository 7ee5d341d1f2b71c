using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Api.Http;

namespace Registrar.Api.Hosting;

public static class ProblemDetailsServiceCollectionExtensions
{
    /// <summary>
    /// How both hosts write every problem, the handlers' and those they answer by themselves: through ASP.NET Core's problem
    /// details service, which names the request's trace (the current Activity's W3C id) in a <c>traceId</c> extension, with
    /// the API's own types and titles (<see cref="FrameworkProblems"/>). Registered in both, so a problem reads the same
    /// whichever host answered it. A request whose Accept lists no JSON type gets the same problem from
    /// <see cref="ProblemJsonWhateverAcceptWriter"/>, the writer after the framework's.
    /// </summary>
    public static IServiceCollection AddRegistrarProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = FrameworkProblems.Customize)
            .AddSingleton<IProblemDetailsWriter, ProblemJsonWhateverAcceptWriter>();
}
