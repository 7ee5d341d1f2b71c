using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Registrar.Functions.Http;

/// <summary>Runs a shared handler's <see cref="IResult"/> as the <see cref="IActionResult"/> an HTTP trigger returns,
/// so both hosts write exactly the same response (status, headers, problem details).</summary>
public sealed class HandlerResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
