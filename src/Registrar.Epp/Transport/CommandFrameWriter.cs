using System.Text;
using System.Xml;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;

namespace Registrar.Epp.Transport;

/// <summary>Serializes command frames with an <see cref="XmlWriter"/> kept per thread, over a stream that hands
/// each frame's rented buffer on: creating a writer costs more than most frames (its own buffers, several
/// kilobytes), and a writer can write one fragment after another. A writer that failed part-way (a character
/// XML cannot carry, a command that cannot be built) is dropped, since it may hold half a frame.</summary>
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
    private readonly XmlWriter _writer;

    private CommandFrameWriter() => _writer = XmlWriter.Create(_output, Settings);

    /// <summary>The whole frame, the header's room included, in a rented buffer the caller returns, and its length.</summary>
    public static (byte[] Buffer, int Length) Write(IEppCommand command, EppRegistryProfile profile, string clTrid)
    {
        var frameWriter = _ofThisThread ?? new CommandFrameWriter();
        _ofThisThread = null;
        try
        {
            frameWriter._output.Write(Declaration);
            EppFrameWriter.WriteCommand(frameWriter._writer, command, profile, clTrid);
            frameWriter._writer.Flush();
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
