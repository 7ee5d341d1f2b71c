using System.Text;
using System.Xml;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;

namespace Registrar.Epp.Transport;

/// <summary>Serializes command frames with a <see cref="Utf8CommandWriter"/>, or, for what that does not write, an
/// <see cref="XmlWriter"/>, both kept per thread, over a stream that hands each frame's rented buffer on: creating an
/// XmlWriter costs more than most frames (its own buffers, several kilobytes), and it can write one fragment after
/// another. A writer that failed part-way (a character XML cannot carry) is dropped, since it may hold half a frame.</summary>
internal sealed class CommandFrameWriter
{
    // What XDocument.Save writes for the declaration EppFrameWriter's documents carry.
    private static ReadOnlySpan<byte> Declaration => "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>"u8;

    // The same serialization as EppFrameWriter: UTF-8 without a BOM, no indentation, and characters XML
    // cannot carry refused rather than written; a fragment, so the writer takes frame after frame.
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CheckCharacters = true,
        CloseOutput = false,
        ConformanceLevel = ConformanceLevel.Fragment,
    };

    [ThreadStatic] private static CommandFrameWriter? _ofThisThread;

    private readonly RentedBufferStream _output = new(EppFraming.HeaderLength);
    private readonly Utf8CommandWriter _utf8Writer;
    private readonly XmlWriter _writer;

    private CommandFrameWriter()
    {
        _utf8Writer = new Utf8CommandWriter(_output);
        _writer = XmlWriter.Create(_output, Settings);
    }

    /// <summary>The whole frame, the header's room included, in a rented buffer the caller returns, and its length.</summary>
    public static (byte[] Buffer, int Length) Write(IEppCommand command, EppRegistryProfile profile, string clTrid)
    {
        // A command that cannot be sent is refused before any writer is touched.
        var (body, extension) = EppFrameWriter.Build(command, profile, clTrid);
        var frameWriter = _ofThisThread ?? new CommandFrameWriter();
        _ofThisThread = null;
        try
        {
            frameWriter._output.Write(Declaration);
            var envelopeStart = frameWriter._output.Length;
            if (!frameWriter._utf8Writer.TryWrite(body, extension, clTrid))
            {
                frameWriter._output.Truncate(envelopeStart);
                EppFrameWriter.WriteCommand(frameWriter._writer, body, extension, clTrid);
                frameWriter._writer.Flush();
            }
        }
        catch
        {
            frameWriter._output.Dispose();
            throw;
        }
        var length = (int)frameWriter._output.Length;
        var buffer = frameWriter._output.Detach();
        _ofThisThread = frameWriter;
        return (buffer, length);
    }
}
