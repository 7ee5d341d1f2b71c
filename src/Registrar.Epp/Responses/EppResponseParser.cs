using System.Xml;
using System.Xml.Linq;

namespace Registrar.Epp.Responses;

/// <summary>Turns a frame into a greeting or a response, checking the envelope RFC 5730 requires.
/// Anything else is an <see cref="EppProtocolException"/> saying what was wrong. Greetings (one per
/// session and keepalive) are read into a document, responses are streamed. One frame at a time: a
/// session has its own parser, whose reader is kept from one frame to the next.</summary>
/// <param name="maxFrameBytes">The largest frame the session takes, which bounds every string read from one.</param>
public sealed class EppResponseParser(int maxFrameBytes)
{
    private static readonly XNamespace Epp = EppXml.Epp;
    private readonly FrameXmlReader _reader = new(maxFrameBytes);

    public EppGreeting ParseGreeting(ReadOnlyMemory<byte> frame)
    {
        var greeting = Envelope(frame).Element(Epp + "greeting")
            ?? throw new EppProtocolException("Expected a <greeting> from the registry but the frame holds something else.");
        var menu = EppXml.RequiredElement(greeting, Epp + "svcMenu");
        var svDate = EppXml.RequiredValue(greeting, Epp + "svDate");
        if (!EppXml.TryParseDateTime(svDate, out var serverDate))
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
    /// are what every command reads, so no document is built for them, nor for a &lt;resData&gt; that
    /// <paramref name="resultDataReader"/> reads. A poll answer handing over a message that cannot be read is refused as
    /// <see cref="EppUnreadableMessageException"/>, naming the message's id all the same.</summary>
    public EppResponse ParseResponse(ReadOnlyMemory<byte> frame, string expectedClTrid, IResultDataReader? resultDataReader = null)
    {
        try
        {
            return Read(frame, expectedClTrid, resultDataReader);
        }
        catch (EppProtocolException problem)
        {
            // RFC 5730 section 2.9.2.3: the client may acknowledge any message by its id; a registry's queue would otherwise
            // stop for good behind a message this client cannot read.
            if (frame.Length > maxFrameBytes || UnreadableQueuedMessage.Of(_reader.Over(frame), expectedClTrid, problem) is not { } unreadable)
                throw;
            throw unreadable;
        }
    }

    private EppResponse Read(ReadOnlyMemory<byte> frame, string expectedClTrid, IResultDataReader? resultDataReader)
    {
        try
        {
            return EppResponseReader.Read(_reader.FastOver(frame), expectedClTrid, resultDataReader);
        }
        catch (OutsideFastPathException)
        {
        }
        try
        {
            return EppResponseReader.Read(_reader.Over(frame), expectedClTrid, resultDataReader);
        }
        catch (XmlException e)
        {
            throw EppXml.NotAcceptable(e, frame.Span);
        }
    }

    private XElement Envelope(ReadOnlyMemory<byte> frame)
    {
        XElement root;
        try
        {
            root = XDocument.Load(_reader.Over(frame), LoadOptions.None).Root!;
        }
        catch (XmlException e)
        {
            throw EppXml.NotAcceptable(e, frame.Span);
        }
        if (root.Name != Epp + "epp")
            throw new EppProtocolException($"The frame's root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}', not <epp> in {Epp}.");
        return root;
    }

    private static List<string> Values(IEnumerable<XElement> elements) => elements.Select(e => e.Value.Trim()).ToList();
}
