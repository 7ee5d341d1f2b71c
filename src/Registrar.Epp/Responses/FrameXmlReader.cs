using System.Runtime.InteropServices;
using System.Xml;
using Registrar.Core.Xml;

namespace Registrar.Epp.Responses;

/// <summary>
/// Reads one session's frames with one <see cref="Utf8FrameXmlReader"/>, handed each frame's bytes in turn: reading an
/// answer then builds no reader and no buffers of its own, which were most of what it allocated (issue 16). What that
/// reader does not read goes to a conforming <see cref="XmlReader"/>, built per frame, which refuses every frame that is
/// not well-formed XML 1.0. Both are as hardened as a registry's bytes need: no DTD is accepted, so no entity is declared
/// or expanded and nothing external is resolved; no frame exceeds the session's size, nor nests deeper than
/// <see cref="MaxDepth"/>. The fast reader's name table keeps the names of every frame it reads, so after
/// <see cref="StartOverAfterBytes"/> a new one takes over: a peer inventing names cannot grow it without bound. Not
/// thread-safe: one per session.
/// </summary>
internal sealed class FrameXmlReader(int maxFrameBytes)
{
    private const long StartOverAfterBytes = 1024 * 1024;

    /// <summary>Far deeper than any EPP answer; XmlReaderSettings has no such limit, so <see cref="Over"/> keeps it.</summary>
    private const int MaxDepth = 64;

    private static readonly XmlReaderSettings Conforming = new()
    {
        // RFC 5730 uses no DTD: one is refused rather than ignored, so no entity is ever declared, expanded or resolved.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        // XML 1.0 §2.2 and §4.1: a character, or a reference to one, outside Char makes the frame not well-formed.
        CheckCharacters = true,
        // XML 1.0 §2.6: processing instructions are for applications that know their target, which EPP defines none of.
        IgnoreProcessingInstructions = true,
    };

    private Utf8FrameXmlReader? _fastReader;
    private long _bytesGiven;

    /// <summary>The fast reader, positioned before <paramref name="frame"/>'s first node; valid until the next frame. It
    /// throws <see cref="OutsideFastPathException"/> on a frame that only <see cref="Over"/> reads.</summary>
    public XmlReader FastOver(ReadOnlyMemory<byte> frame)
    {
        var bytes = Take(frame);
        _fastReader ??= new Utf8FrameXmlReader(new NameTable());
        _fastReader.SetInput(bytes);
        return _fastReader;
    }

    /// <summary>The full reader, positioned before <paramref name="frame"/>'s first node. The frame is read once, as its
    /// nodes are asked for: where it is not well-formed, or nests too deep, <see cref="XmlException"/> is thrown when the
    /// reading reaches it, and every reader of a frame reads it to its end before judging anything in it.</summary>
    public XmlReader Over(ReadOnlyMemory<byte> frame)
    {
        var bytes = Take(frame);
        // Depth counts from 0 at the root: a node at depth 64 is on the 65th level.
        return new DepthLimitedXmlReader(XmlReader.Create(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Conforming),
            MaxDepth - 1, () => new XmlException($"The frame nests elements deeper than {MaxDepth}."));
    }

    private ArraySegment<byte> Take(ReadOnlyMemory<byte> frame)
    {
        if (frame.Length > maxFrameBytes)
            throw new EppProtocolException($"The registry's frame of {frame.Length:N0} bytes is above the {maxFrameBytes:N0} this session takes.");
        if (_bytesGiven > StartOverAfterBytes)
        {
            _fastReader = null;
            _bytesGiven = 0;
        }
        _bytesGiven += frame.Length;
        return MemoryMarshal.TryGetArray(frame, out var segment) ? segment : new ArraySegment<byte>(frame.ToArray());
    }
}
