using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;

namespace Registrar.Api.Storefront;

/// <summary>The confirmation link opened in a browser, where no control panel page stands in front of the API (the local host):
/// what the link would prove and a button whose POST, to the same link, proves it (KZ-5.3, UA-4.7).</summary>
public static class RequestConfirmationPage
{
    private const string Site = "Domain registrar";

    public static IResult Opened(RequestConfirmationView shown)
    {
        var page = new HtmlPage();
        page.Add($"""
            <p>You are confirming the request <strong>{shown.Request.Kind}</strong> for <strong>{shown.Domain}</strong>, made {shown.Request.MadeAt}.
            The message that brought you here says what it does.</p>
            <form method="post"><button type="submit">Confirm the request</button></form>
            <p class="muted">If you did not make this request, close this page: nothing changes without your confirmation.</p>
            """);
        return page.Result("Confirm your request", Site, home: null);
    }

    public static IResult Confirmed(CustomerRequestView request)
    {
        var page = new HtmlPage();
        page.Add($"""
            <p>The request <strong>{request.Kind}</strong> ({request.RequestId}) is confirmed. It is carried out now, and the contact
            e-mail is told when it is done.</p>
            """);
        return page.Result("Request confirmed", Site, home: null);
    }
}
