using System.Runtime.InteropServices;
using System.Xml;

namespace Registrar.Epp.Responses;

/// <summary>
/// Reads one session's frames with one <see cref="XmlDictionaryReader"/>, handed each frame's bytes in turn: reading an
/// answer then builds no reader and no buffers of its own, which were most of what it allocated (issue 16). It is as
/// hardened as a registry's bytes need: it knows no DTD, so no entity is declared or expanded and nothing external is
/// resolved, and no string exceeds the frame's size. Its name table keeps the names of every frame it read, so after
/// <see cref="StartOverAfterBytes"/> a new reader takes over: a peer inventing names cannot grow it without bound. Not
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
    private long _bytesGiven;

    /// <summary>The reader, positioned before <paramref name="frame"/>'s first node; valid until the next frame.</summary>
    public XmlReader Over(ReadOnlyMemory<byte> frame)
    {
        if (frame.Length > maxFrameBytes)
            throw new EppProtocolException($"The registry's frame of {frame.Length:N0} bytes is above the {maxFrameBytes:N0} this session takes.");
        var bytes = MemoryMarshal.TryGetArray(frame, out var segment) ? segment : new ArraySegment<byte>(frame.ToArray());
        if (_reader is null || _bytesGiven > StartOverAfterBytes)
        {
            _reader = XmlDictionaryReader.CreateTextReader(bytes.Array!, bytes.Offset, bytes.Count, null, _quotas, null);
            _bytesGiven = 0;
        }
        else ((IXmlTextReaderInitializer)_reader).SetInput(bytes.Array!, bytes.Offset, bytes.Count, null, _quotas, null);
        _bytesGiven += bytes.Count;
        return _reader;
    }
}
