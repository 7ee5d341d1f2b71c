using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Registrar.LocalHost.Tests;

/// <summary>The operations page in a real browser (headless Chromium from Debian's packages, driven by Selenium):
/// sign in with the operations key, find a .ua registration waiting for its trademark, approve it, see it registered.</summary>
[Collection(ProductCollection.Name)]
public sealed class OperationsPageTests(ProductFixture product)
{
    /// <summary>Where the browser test leaves its screenshot, beside the test assembly.</summary>
    public static string ArtifactsFolder => Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    public async Task Operations_approve_a_trademark_on_the_page_and_the_page_shows_the_domain_registered_UA_Pre_7()
    {
        var (name, registrationId) = await PlaceAndPayTrademarkOrderAsync();

        // The operations API lists it among the registrations waiting for a trademark review in its zone.
        using var operations = product.Operations();
        await TestSupport.EventuallyAsync(
            () => operations.GetFromJsonAsync<JsonElement>("api/ops/registrations?phase=AwaitingTrademarkReview&zone=ua&pageSize=100"),
            page => page.GetProperty("registrations").EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId));
        await TestSupport.AssertProblemAsync(await operations.GetAsync("api/ops/registrations?phase=Sleeping"), 400);
        await TestSupport.AssertProblemAsync(await operations.GetAsync("api/ops/registrations?pageSize=101"), 400);
        using var anonymous = product.Anonymous();
        await TestSupport.AssertProblemAsync(await anonymous.GetAsync("api/ops/registrations"), 401);

        using var browser = StartBrowser();
        try
        {
            browser.Navigate().GoToUrl(new Uri(product.BaseAddress, "ops/page"));
            browser.FindElement(By.Id("key")).SendKeys(ProductFixture.OperationsKey);
            browser.FindElement(By.Id("person")).SendKeys("Olena Operator");
            browser.FindElement(By.Id("sign-in")).Click();
            var session = browser.Manage().Cookies.GetCookieNamed("registrar-ops");
            Assert.True(session is { IsHttpOnly: true, SameSite: "Strict" }, "the session cookie is HttpOnly and SameSite=Strict");

            // The registration is listed as waiting once its view is recorded.
            await TestSupport.EventuallyAsync(() => Task.FromResult(Reload(browser, "waiting-trademarks")), t => t.Contains(name));
            browser.FindElement(By.LinkText(registrationId)).Click();
            await TextAsync(browser, "phase", phase => phase == "AwaitingTrademarkReview");
            browser.FindElement(By.Id("reason")).SendKeys("Certificate UA-345678 checked against the register.");
            browser.FindElement(By.Id("approve")).Click();
            var audit = await TextAsync(browser, "audit", text => text.Contains("trademark-approved"));
            Assert.Contains("Olena Operator", audit);

            var registered = await TestSupport.EventuallyAsync(() => product.Registry.GetDomainAsync(name), d => d is not null);
            Assert.Contains("UA-345678", registered!.Value.GetProperty("licence").ToString());
            await TestSupport.EventuallyAsync(() => Task.FromResult(Reload(browser, "phase")), phase => phase == "Registered");
            Assert.Contains("TrademarkReviewed", browser.FindElement(By.Id("history")).Text);
        }
        finally
        {
            Directory.CreateDirectory(ArtifactsFolder);
            ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(ArtifactsFolder, "operations-page.png"));
        }
    }

    [Fact]
    public async Task The_page_asks_for_the_key_once_and_refuses_a_form_without_the_sessions_token()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = product.BaseAddress,
        };
        var unsigned = await client.GetStringAsync("ops/page");
        Assert.Contains("name=\"key\"", unsigned);
        Assert.DoesNotContain("waiting-trademarks", unsigned);

        var wrong = await client.PostAsync("ops/page/sign-in", Form(("key", "not-the-key"), ("person", "Mallory")));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        // The name is the audit entries' actor: one that reads otherwise than it is stored (U+202E) signs no one in.
        var reversed = await client.PostAsync("ops/page/sign-in", Form(("key", ProductFixture.OperationsKey), ("person", "Ole\u202Ena")));
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        var signedIn = await client.PostAsync("ops/page/sign-in", Form(("key", ProductFixture.OperationsKey), ("person", "<b>Olena</b>")));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var overview = await client.GetStringAsync("ops/page");
        Assert.Contains("&lt;b&gt;Olena&lt;/b&gt;", overview);
        Assert.DoesNotContain("<b>Olena</b>", overview);

        // The session cookie alone (what another site's form would send along) does nothing.
        var forged = await client.PostAsync("ops/page/sign-out", Form(("form-token", "forged")));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("waiting-trademarks", await client.GetStringAsync("ops/page"));
    }

    private static ChromeDriver StartBrowser()
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2000");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>The element's text once it satisfies <paramref name="done"/>: a click navigates while the old page may
    /// still answer, so the element is looked up afresh each time.</summary>
    private static Task<string> TextAsync(ChromeDriver browser, string elementId, Func<string, bool> done) =>
        TestSupport.EventuallyAsync(() =>
        {
            try
            {
                return Task.FromResult(browser.FindElement(By.Id(elementId)).Text);
            }
            catch (Exception e) when (e is StaleElementReferenceException or NoSuchElementException)
            {
                return Task.FromResult("");
            }
        }, done, TimeSpan.FromSeconds(30));

    private static string Reload(ChromeDriver browser, string elementId)
    {
        browser.Navigate().Refresh();
        return browser.FindElement(By.Id(elementId)).Text;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private async Task<(string Name, string RegistrationId)> PlaceAndPayTrademarkOrderAsync()
    {
        var customer = "page-" + Guid.NewGuid().ToString("N")[..6];
        var name = "brand" + Guid.NewGuid().ToString("N")[..6] + ".ua";
        using var storefront = product.Storefront(customer);
        var email = $"{customer}@mail.example.org";
        var response = await storefront.PostAsJsonAsync("api/orders", new
        {
            items = new[] { new { name, termYears = 1, trademark = new { wordMark = name.Split('.')[0], registrationNumber = "UA-345678", office = "UA", registeredOn = "2021-03-01" } } },
            contactEmail = email,
            registrant = new
            {
                data = new
                {
                    kind = "NaturalPerson", fullName = "Іваненко Іван Іванович",
                    address = new { country = "UA", postalCode = "01001", region = "Київ", city = "Київ", street = "вул. Хрещатик", building = "1", office = "5" },
                    email, phone = "+380.441234567",
                },
            },
            acceptance = new { offerVersion = "2025-01", acceptedAt = DateTimeOffset.UtcNow, personalDataConsent = true },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        var invoice = order.GetProperty("invoice");
        var camt = BankMessages.Camt054Credit(invoice.GetProperty("number").GetString()!,
            invoice.GetProperty("total").GetProperty("amount").GetString()!, "UAH", DateTimeOffset.Now, BankMessages.NewReference());
        using var bank = product.Anonymous();
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign("development-only-privatbank-secret", camt, 0));
        TestSupport.AssertRecorded(await bank.PostAsync("api/banks/privatbank/camt054", content));
        return (name, order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!);
    }
}
