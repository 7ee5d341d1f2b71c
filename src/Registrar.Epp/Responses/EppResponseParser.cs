using System.Globalization;
using System.Xml.Linq;

namespace Registrar.Epp.Responses;

/// <summary>Turns a frame into a greeting or a response, checking the envelope RFC 5730 requires.
/// Anything else is an <see cref="EppProtocolException"/> saying what was wrong.</summary>
public sealed class EppResponseParser(long maxCharacters)
{
    private static readonly XNamespace Epp = EppXml.Epp;
    private readonly System.Xml.XmlReaderSettings _settings = EppXml.ReaderSettings(maxCharacters);

    public EppGreeting ParseGreeting(ReadOnlyMemory<byte> frame)
    {
        var greeting = Envelope(frame).Element(Epp + "greeting")
            ?? throw new EppProtocolException("Expected a <greeting> from the registry but the frame holds something else.");
        var menu = EppXml.RequiredElement(greeting, Epp + "svcMenu");
        var svDate = EppXml.RequiredValue(greeting, Epp + "svDate");
        if (!DateTimeOffset.TryParse(svDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var serverDate))
            throw new EppProtocolException($"The greeting's <svDate> is not a date: '{svDate}'.");
        return new EppGreeting(
            EppXml.RequiredValue(greeting, Epp + "svID"),
            serverDate,
            Values(menu.Elements(Epp + "version")),
            Values(menu.Elements(Epp + "lang")),
            Values(menu.Elements(Epp + "objURI")),
            Values(menu.Element(Epp + "svcExtension")?.Elements(Epp + "extURI") ?? []));
    }

    /// <summary>Parses a response and checks it answers <paramref name="expectedClTrid"/>.</summary>
    public EppResponse ParseResponse(ReadOnlyMemory<byte> frame, string expectedClTrid)
    {
        var response = Envelope(frame).Element(Epp + "response")
            ?? throw new EppProtocolException($"Expected a <response> to clTRID {expectedClTrid} but the frame holds something else.");

        var results = response.Elements(Epp + "result").Select(ParseResult).ToList();
        if (results.Count == 0)
            throw new EppProtocolException($"The response to clTRID {expectedClTrid} has no <result>.");

        var trId = EppXml.RequiredElement(response, Epp + "trID");
        var clTrid = trId.Element(Epp + "clTRID")?.Value.Trim();
        var svTrid = EppXml.RequiredValue(trId, Epp + "svTRID");
        if (clTrid != expectedClTrid)
            throw new EppProtocolException(
                $"The response carries clTRID '{clTrid ?? "(none)"}' but answers a command sent as '{expectedClTrid}' (svTRID {svTrid}).");

        return new EppResponse(results, ParseMessageQueue(response.Element(Epp + "msgQ")),
            response.Element(Epp + "resData"), response.Element(Epp + "extension"), clTrid, svTrid);
    }

    private XElement Envelope(ReadOnlyMemory<byte> frame)
    {
        var root = EppXml.Parse(frame, _settings).Root!;
        if (root.Name != Epp + "epp")
            throw new EppProtocolException($"The frame's root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}', not <epp> in {Epp}.");
        return root;
    }

    private static EppResult ParseResult(XElement result)
    {
        var codeText = EppXml.RequiredAttribute(result, "code");
        if (!int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1000 or > 2599)
            throw new EppProtocolException($"The result code '{codeText}' is not an EPP result code.");
        var code = (EppResultCode)number;
        if (!Enum.IsDefined(code))
            throw new EppProtocolException($"The result code {number} is not defined by RFC 5730.");
        var reasons = result.Elements(Epp + "value").Select(v => v.Value.Trim())
            .Concat(result.Elements(Epp + "extValue").Select(v => v.Element(Epp + "reason")?.Value.Trim() ?? ""))
            .Where(r => r.Length > 0).ToList();
        return new EppResult(code, EppXml.RequiredValue(result, Epp + "msg"), reasons);
    }

    private static EppMessageQueue? ParseMessageQueue(XElement? msgQ)
    {
        if (msgQ is null) return null;
        var countText = EppXml.RequiredAttribute(msgQ, "count");
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new EppProtocolException($"<msgQ count=\"{countText}\"> is not a number.");
        return new EppMessageQueue(count, EppXml.RequiredAttribute(msgQ, "id"),
            EppXml.OptionalDate(msgQ, Epp + "qDate"), msgQ.Element(Epp + "msg")?.Value.Trim());
    }

    private static List<string> Values(IEnumerable<XElement> elements) => elements.Select(e => e.Value.Trim()).ToList();
}
