using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Registrar.Api.Operations;

namespace Registrar.Api.Tests.Operations;

/// <summary>GET /api/ops/audit reads a page on from a continuation the server issued, and from nothing else.</summary>
public sealed class AuditQueryTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("{}")]
    public void A_continuation_the_server_did_not_issue_is_an_error_under_its_name_not_the_first_page(string continuation)
    {
        var (query, errors) = AuditQuery.Read(Query(continuation));

        Assert.Null(query);
        Assert.Equal(["continuation"], errors.Keys);
    }

    [Fact]
    public void A_continuation_as_the_server_issues_it_reads_the_next_page()
    {
        var issued = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("1!8!TzEtMQ-- 1!48!MjUxOTcxNDU2ODc5OTk5OTk5OXxvcHM-"));

        var (query, errors) = AuditQuery.Read(Query(issued));

        Assert.Empty(errors);
        Assert.Equal(issued, query!.Continuation);
    }

    private static QueryCollection Query(string continuation) => new(new Dictionary<string, StringValues> { ["continuation"] = continuation });
}
