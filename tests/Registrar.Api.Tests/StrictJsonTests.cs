using System.Text;
using Registrar.Api.Http;

namespace Registrar.Api.Tests;

public sealed class StrictJsonTests
{
    private sealed record Sample(string Name, int Years, string? Note, Contact? Contact = null, IReadOnlyList<string>? Hosts = null,
        Registrar.Core.Customers.RegistrantKind? Kind = null, DateOnly? Since = null, TimeSpan? By = null, decimal? Amount = null);

    private sealed record Contact(string Email);

    private static BodyRead<Sample> Read(string json, string contentType = "application/json") =>
        StrictJson.Deserialize<Sample>(contentType, Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_body_of_the_documented_shape_is_read()
    {
        Assert.Equal(new Sample("shop.kz", 2, null), Read("""{"name":"shop.kz","years":2,"note":null}""").Value);
    }

    [Theory]
    [InlineData("""{"name":"shop.kz","years":2,"note":null,"extra":1}""", "extra")]
    [InlineData("""{"years":2,"note":null}""", "name")]
    [InlineData("""{"name":null,"years":2,"note":null}""", "name")]
    [InlineData("""{"name":"shop.kz","years":"2","note":null}""", "years")]
    [InlineData("""{"name":"shop.kz","years":2.5,"note":null}""", "years")]
    [InlineData("""{"name":"shop.kz","years":2,"note":null,}""", "")]
    [InlineData("""null""", "null")]
    public void Anything_else_is_a_malformed_body_problem_that_names_the_place(string json, string mentioned)
    {
        var read = Read(json);

        Assert.Null(read.Value);
        Assert.Equal(400, read.Problem?.StatusCode);
        Assert.Contains(mentioned, read.Problem!.ProblemDetails.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"name":"shop.kz","years":1,"years":4,"note":null}""", "$.years", "years")]
    [InlineData("""{"name":"shop.kz","years":1,"Years":4,"note":null}""", "$.Years", "years")]
    [InlineData("""{"name":"shop.kz","years":1,"note":null,"NOTE":"x"}""", "$.NOTE", "note")]
    public void A_field_given_twice_in_any_case_is_refused_naming_it_RFC_8259_section_4(string json, string path, string field)
    {
        var read = Read(json);

        Assert.Null(read.Value);
        Assert.Equal(400, read.Problem?.StatusCode);
        Assert.Equal(ProblemTypes.MalformedBody.Uri, read.Problem!.ProblemDetails.Type);
        Assert.Equal($"At {path}: '{field}' is given more than once; give each field once.", read.Problem.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData("""{"name":"shop.kz","years":"2","note":null}""", "years", "not of the documented type")]
    [InlineData("""{"name":null,"years":2,"note":null}""", "name", "'name' may not be null")]
    [InlineData("""{"name":"shop.kz","years":2,"note":null,"extra":1}""", "extra", "not a field")]
    [InlineData("""{"name":"a","years":1,"note":null,"contact":{"email":7}}""", "contact.email", "not of the documented type")]
    [InlineData("""{"name":"a","years":1,"note":null,"hosts":["ns1.example.kz",2]}""", "hosts[1]", "not of the documented type")]
    [InlineData("""{"name":"a","years":1,"note":null,"contact":{}}""", "contact.email", "required")]
    [InlineData("""{"name":"a","years":1,"Years":4,"note":null}""", "Years", "more than once")]
    public void A_malformed_body_problem_names_the_field_in_errors_as_a_validation_problem_does_RFC_9457_section_3_2(string json, string field,
        string said)
    {
        var problem = Read(json).Problem!.ProblemDetails;

        var errors = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string[]>>(problem.Extensions["errors"]);
        Assert.Equal([field], errors.Keys);
        Assert.Contains(said, Assert.Single(errors[field]), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"name":"a","years":1.5,"note":null}""", "years", "a whole number")]
    [InlineData("""{"name":"a","years":"2","note":null}""", "years", "a whole number")]
    [InlineData("""{"name":"a","years":99999999999,"note":null}""", "years", "a whole number from -2147483648 to 2147483647")]
    [InlineData("""{"name":"a","years":1,"note":null,"since":"2026-02-30"}""", "since", "a date of the calendar")]
    [InlineData("""{"name":7,"years":1,"note":null}""", "name", "a string")]
    [InlineData("""{"name":"a","years":1,"note":null,"contact":7}""", "contact", "an object")]
    [InlineData("""{"name":"a","years":1,"note":null,"hosts":"ns1.example.kz"}""", "hosts", "an array")]
    [InlineData("""{"name":"a","years":1,"note":null,"kind":"Robot"}""", "kind", "one of NaturalPerson, LegalEntity")]
    [InlineData("""{"name":"a","years":1,"note":null,"kind":"NaturalPerson, LegalEntity"}""", "kind", "one of NaturalPerson, LegalEntity")]
    [InlineData("""{"name":"a","years":1,"note":null,"kind":" NaturalPerson"}""", "kind", "one of NaturalPerson, LegalEntity")]
    [InlineData("""{"name":"a","years":1,"note":null,"kind":1}""", "kind", "one of NaturalPerson, LegalEntity")]
    [InlineData("""{"name":"a","years":1,"note":null,"since":"yesterday"}""", "since", "YYYY-MM-DD")]
    [InlineData("""{"name":"a\ud800b","years":1,"note":null}""", "name", "lone UTF-16 surrogate")]
    [InlineData("""{"name":"a","years":1,"note":null,"by":"abc"}""", "by", "a time span as a string, [d.]hh:mm[:ss]")]
    [InlineData("""{"name":"a","years":1,"note":null,"amount":1e30}""", "amount", "a JSON number from -79228162514264337593543950335 to 79228162514264337593543950335")]
    public void A_value_of_another_type_is_refused_saying_what_is_expected_in_the_apis_terms_RFC_9457_3_1_4(string json, string field, string said)
    {
        var detail = Read(json).Problem!.ProblemDetails;

        var error = Assert.Single(((IReadOnlyDictionary<string, string[]>)detail.Extensions["errors"]!)[field]);
        Assert.Contains(said, error);
        Assert.DoesNotContain("System.", detail.Detail);
        Assert.DoesNotContain("Registrar.", detail.Detail);
    }

    [Theory]
    [InlineData("LegalEntity")]
    [InlineData("legalEntity")]
    [InlineData("LEGALENTITY")]
    public void An_enum_is_one_of_its_names_in_any_case(string kind)
    {
        Assert.Equal(Registrar.Core.Customers.RegistrantKind.LegalEntity, Read($$"""{"name":"a","years":1,"note":null,"kind":"{{kind}}"}""").Value!.Kind);
    }

    [Fact]
    public void Every_missing_field_is_named_and_a_body_wrong_as_a_whole_names_none()
    {
        Assert.Equal(["name", "years"], ((IReadOnlyDictionary<string, string[]>)Read("""{"note":null}""").Problem!.ProblemDetails.Extensions["errors"]!).Keys);
        Assert.False(Read("""[1]""").Problem!.ProblemDetails.Extensions.ContainsKey("errors"));
        Assert.False(Read("""{"name":"a" """).Problem!.ProblemDetails.Extensions.ContainsKey("errors"));
    }

    [Fact]
    public void Another_media_type_is_refused_with_415()
    {
        Assert.Equal(415, Read("""{"name":"a","years":1,"note":null}""", "text/plain").Problem?.StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=\"iso-8859-1\"")]
    [InlineData("application/jsonp")]
    public void A_body_declared_in_another_charset_or_media_type_is_refused_with_415(string contentType)
    {
        Assert.Equal(415, Read("""{"name":"a","years":1,"note":null}""", contentType).Problem?.StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=\"utf-8\"")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    public void Utf8_may_be_declared_quoted_or_not_RFC_9110_section_5_6_6(string contentType)
    {
        Assert.NotNull(Read("""{"name":"a","years":1,"note":null}""", contentType).Value);
    }

    [Theory]
    [InlineData("""{"name":"shop.kz","years":2,"note":null,"extra":1}""")]
    [InlineData("""{"years":2,"note":null}""")]
    [InlineData("""{"name":null,"years":2,"note":null}""")]
    [InlineData("""{"name":"shop.kz","years":"2","note":null}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"name":{"deep":[[[]]]},"years":2,"note":null}""")]
    public void A_problem_never_names_an_internal_type(string json)
    {
        var detail = Read(json).Problem!.ProblemDetails.Detail!;

        Assert.DoesNotContain("Registrar.", detail);
        Assert.DoesNotContain("System.", detail);
    }
}
