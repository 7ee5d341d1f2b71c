using System.Runtime.InteropServices;
using System.Xml;

namespace Registrar.Epp.Responses;

/// <summary>
/// Reads one session's frames with one <see cref="Utf8FrameXmlReader"/> and, for what that does not read, one
/// <see cref="XmlDictionaryReader"/>, each handed each frame's bytes in turn: reading an answer then builds no reader and
/// no buffers of its own, which were most of what it allocated (issue 16). It is as
/// hardened as a registry's bytes need: it knows no DTD, so no entity is declared or expanded and nothing external is
/// resolved, and no string exceeds the frame's size. Their name tables keep the names of every frame they read, so after
/// <see cref="StartOverAfterBytes"/> new readers take over: a peer inventing names cannot grow them without bound. Not
/// thread-safe: one per session.
/// </summary>
internal sealed class FrameXmlReader(int maxFrameBytes)
{
    private const long StartOverAfterBytes = 1024 * 1024;

    private readonly XmlDictionaryReaderQuotas _quotas = new()
    {
        MaxStringContentLength = maxFrameBytes,
        MaxArrayLength = maxFrameBytes,
        MaxBytesPerRead = maxFrameBytes,
        MaxDepth = 64,
        // Bounded by StartOverAfterBytes instead: a table never holds more names than the bytes it was given.
        MaxNameTableCharCount = int.MaxValue,
    };

    private XmlDictionaryReader? _reader;
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

    /// <summary>The full reader, positioned before <paramref name="frame"/>'s first node; valid until the next frame.</summary>
    public XmlReader Over(ReadOnlyMemory<byte> frame)
    {
        var bytes = Take(frame);
        if (_reader is null) _reader = XmlDictionaryReader.CreateTextReader(bytes.Array!, bytes.Offset, bytes.Count, null, _quotas, null);
        else ((IXmlTextReaderInitializer)_reader).SetInput(bytes.Array!, bytes.Offset, bytes.Count, null, _quotas, null);
        return _reader;
    }

    private ArraySegment<byte> Take(ReadOnlyMemory<byte> frame)
    {
        if (frame.Length > maxFrameBytes)
            throw new EppProtocolException($"The registry's frame of {frame.Length:N0} bytes is above the {maxFrameBytes:N0} this session takes.");
        if (_bytesGiven > StartOverAfterBytes)
        {
            _reader = null;
            _fastReader = null;
            _bytesGiven = 0;
        }
        _bytesGiven += frame.Length;
        return MemoryMarshal.TryGetArray(frame, out var segment) ? segment : new ArraySegment<byte>(frame.ToArray());
    }
}
