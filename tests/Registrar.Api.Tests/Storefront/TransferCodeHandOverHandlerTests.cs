using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using Registrar.Api.Operations;
using Registrar.Api.Security;
using Registrar.Api.Storefront;
using Registrar.Core.Requests;
using Registrar.Storage.Stores;

namespace Registrar.Api.Tests.Storefront;

/// <summary>UA-1.5.8: operations read the transfer code of a request proved on papers, once set, to hand it over; nothing else
/// is read here, and a refusal audits nothing.</summary>
public sealed class TransferCodeHandOverHandlerTests
{
    private static readonly DateTimeOffset MadeAt = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TransferCodes Codes = new(Convert.ToBase64String(new byte[32]));
    private readonly Mock<ICustomerRequestStore> _requests = new();
    private readonly Mock<IAuditLog<RegistrationAudit>> _audit = new();

    [Fact]
    public async Task The_code_a_request_proved_on_papers_set_is_read_uncached_and_the_reading_audited_UA_1_5_8()
    {
        Stored(Request(RequestProof.IdentityDocuments) with { TransferCodeSetBy = "reg-1-7" });

        var result = await ReadAsync();

        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        context.Response.Body.Position = 0;
        Assert.Contains(Codes.For("reg-1-7"), new StreamReader(context.Response.Body).ReadToEnd());
        _audit.Verify(a => a.AppendAsync(It.Is<AuditEntry<RegistrationAudit>>(e => e.Subject == "reg-1" && e.Action == TransferCodeHandOverHandler.ReadAction
            && e.Actor == "ops" && !e.Details.Reason!.Contains(Codes.For("reg-1-7"))), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData(RequestProof.ContactEmail, "reg-1-7", "not proved on papers")]
    [InlineData(RequestProof.SignedContract, null, "none is set at the registry yet")]
    public async Task A_code_mailed_to_the_contact_email_or_not_set_yet_is_a_409_and_nothing_is_audited_UA_1_5_8(RequestProof proof, string? setBy, string why)
    {
        Stored(Request(proof) with { TransferCodeSetBy = setBy });

        var problem = Assert.IsType<ProblemHttpResult>(await ReadAsync()).ProblemDetails;

        Assert.Equal(StatusCodes.Status409Conflict, problem.Status);
        Assert.Contains(why, problem.Detail);
        _audit.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_request_of_another_kind_is_not_found_UA_1_5_8()
    {
        Stored(Request(RequestProof.IdentityDocuments) with { Request = new EarlyDeletionRequest() });

        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsType<ProblemHttpResult>(await ReadAsync()).StatusCode);
        _audit.VerifyNoOtherCalls();
    }

    private static CustomerRequestRecord Request(RequestProof proof) =>
        new CustomerRequestRecord("req-1", "reg-1", "customer-1", new TransferCodeRequest(), CustomerRequestStatus.AwaitingProof, MadeAt)
            .Proved(proof, MadeAt.AddHours(1), "ops");

    private void Stored(CustomerRequestRecord record) =>
        _requests.Setup(r => r.GetAsync("req-1", It.IsAny<CancellationToken>())).ReturnsAsync(record);

    private Task<IResult> ReadAsync()
    {
        var options = new ApiClientOptions
        {
            Clients = [new ApiClient { Name = "ops", KeySha256 = Convert.ToHexStringLower(SHA256.HashData("ops-key"u8)), Role = ApiClientRole.Operations }],
        };
        var authenticator = new ClientAuthenticator(Mock.Of<IOptionsMonitor<ApiClientOptions>>(m => m.CurrentValue == options));
        var handler = new TransferCodeHandOverHandler(authenticator, _requests.Object, Codes, _audit.Object, TimeProvider.System);
        var context = new DefaultHttpContext();
        context.Request.Headers[ClientAuthenticator.KeyHeader] = "ops-key";
        return handler.ReadAsync(context.Request, "req-1", default);
    }
}
