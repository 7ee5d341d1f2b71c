using Microsoft.AspNetCore.Http.HttpResults;

namespace Registrar.Api.Http;

/// <summary>The answer for a route id that names no registration the caller can act on.</summary>
public static class RegistrationProblems
{
    /// <summary>For an id that is not even of the form registration ids have: not echoed back.</summary>
    public static ProblemHttpResult Unknown() => Problems.NotFound("That registration");

    /// <summary>For a well-formed id (short ASCII, safe to echo) under which nothing has started.</summary>
    public static ProblemHttpResult Unknown(string registrationId) => Problems.NotFound($"Registration '{registrationId}'");
}
