using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Http;

namespace Registrar.Api.Claims;

/// <summary>Refusals by a contract rule: the usual problem details, with the rule's id in a "rule" member so that a
/// client can tell which clause of the offer refused, as well as read it in the detail.</summary>
public static class RuleProblems
{
    /// <summary>A 400 naming the field whose value the rule refuses.</summary>
    public static ProblemHttpResult Refused(string field, string rule, string message) =>
        WithRule(Problems.Validation(field, message), rule);

    /// <summary>A 409: the rule does not allow this in the resource's present state or zone.</summary>
    public static ProblemHttpResult NotAllowed(string rule, string message) => WithRule(Problems.Conflict(message), rule);

    private static ProblemHttpResult WithRule(ProblemHttpResult problem, string rule)
    {
        problem.ProblemDetails.Extensions["rule"] = rule;
        return problem;
    }
}
