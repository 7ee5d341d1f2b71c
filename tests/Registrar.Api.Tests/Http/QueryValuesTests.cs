using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Registrar.Api.Http;

namespace Registrar.Api.Tests.Http;

public sealed class QueryValuesTests
{
    [Theory]
    [InlineData("2027-03-04T09:00:00Z", true)]
    [InlineData("2027-03-04", true)]
    [InlineData("04/03/2027", false)]
    [InlineData("March 4, 2027", false)]
    [InlineData("2027-3-4", false)]
    public void An_instant_in_a_query_is_ISO_8601_and_any_other_order_is_an_error_under_its_name(string text, bool read)
    {
        var errors = new Dictionary<string, string[]>();

        var instant = QueryValues.Instant(new QueryCollection(new Dictionary<string, StringValues> { ["from"] = text }), "from", errors);

        Assert.Equal((read, !read), (instant is not null, errors.ContainsKey("from")));
    }
}
