using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Xml;

/// <summary>Reads an incoming frame with no DTD processing, no resolver and a size ceiling, so a
/// hostile frame (entity expansion, external entities) is refused instead of followed.</summary>
public sealed class FrameParser(int maxCharacters)
{
    public XDocument Parse(byte[] payload)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreProcessingInstructions = true,
            IgnoreComments = true,
        };
        try
        {
            using var stream = new MemoryStream(payload, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new FrameSyntaxException($"The frame is not well-formed XML: {e.Message}");
        }
        catch (DecoderFallbackException e)
        {
            throw new FrameSyntaxException($"The frame is not valid UTF-8: {e.Message}");
        }
    }
}

/// <summary>A frame that cannot be accepted as EPP; answered with 2001 naming the reason.</summary>
public sealed class FrameSyntaxException(string message) : Exception(message);
