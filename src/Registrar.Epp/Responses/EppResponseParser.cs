using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Registrar.Epp.Responses;

/// <summary>Turns a frame into a greeting or a response, checking the envelope RFC 5730 requires.
/// Anything else is an <see cref="EppProtocolException"/> saying what was wrong. Greetings (one per
/// session and keepalive) are read into a document, responses are streamed. One frame at a time: a
/// session has its own parser, whose names are kept from one response to the next.</summary>
public sealed class EppResponseParser
{
    private static readonly XNamespace Epp = EppXml.Epp;
    private readonly SessionNameTable _names = new();
    private readonly XmlReaderSettings _settings;

    public EppResponseParser(long maxCharacters)
    {
        _settings = EppXml.ReaderSettings(maxCharacters);
        _settings.NameTable = _names;
    }

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

    /// <summary>Parses a response and checks it answers <paramref name="expectedClTrid"/>. Streamed: responses
    /// are what every command reads, so no document is built for them.</summary>
    public EppResponse ParseResponse(ReadOnlyMemory<byte> frame, string expectedClTrid)
    {
        _names.StartOverIfFull();
        try
        {
            using var reader = EppXml.CreateReader(frame, _settings);
            return EppResponseReader.Read(reader, expectedClTrid);
        }
        catch (XmlException e)
        {
            throw EppXml.NotAcceptable(e);
        }
    }

    private XElement Envelope(ReadOnlyMemory<byte> frame)
    {
        _names.StartOverIfFull();
        var root = EppXml.Parse(frame, _settings).Root!;
        if (root.Name != Epp + "epp")
            throw new EppProtocolException($"The frame's root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}', not <epp> in {Epp}.");
        return root;
    }

    private static List<string> Values(IEnumerable<XElement> elements) => elements.Select(e => e.Value.Trim()).ToList();
}
