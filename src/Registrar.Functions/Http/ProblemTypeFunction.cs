using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Http;

namespace Registrar.Functions.Http;

/// <summary>GET /problems/{slug}: what each problem type means, by the local host's handler. A problem's relative type resolves
/// against the app's address (RFC 9457 section 3.1.1), outside /api; anonymous, as whoever reads a problem holds no key.</summary>
public sealed class ProblemTypeFunction
{
    [Function("ProblemType")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "problems/{slug}")] HttpRequest req, string slug) =>
        new HandlerResult(ProblemTypePages.Describe(slug));
}
