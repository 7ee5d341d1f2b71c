using System.Text;
using Registrar.Payments.Camt054;
using Registrar.Payments.Tests.Samples;

namespace Registrar.Payments.Tests.Camt054;

/// <summary>A bank file is read once: its depth is checked as its tree is built, not in a pass of its own before.</summary>
public sealed class Camt054SinglePassTests
{
    private const int MaxCharacters = 10 * 1024 * 1024;

    [Fact]
    public void A_bank_file_is_read_from_its_first_byte_to_its_last_once()
    {
        var bytes = SampleFiles.Camt054("camt.054.001.04-batch-debit-pending.xml");
        using var stream = new CountingStream(bytes);

        var document = Camt054Reader.Load(stream, new UTF8Encoding(false, true), MaxCharacters);

        Assert.Equal("Document", document.Root!.Name.LocalName);
        Assert.Equal(1, stream.ReadsFromStart);
        Assert.Equal(bytes.Length, stream.BytesRead);
    }

    [Fact]
    public void A_document_nested_too_deep_is_refused_before_the_rest_of_it_is_read()
    {
        var xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\">"
                  + string.Concat(Enumerable.Repeat("<a>", 100)) + string.Concat(Enumerable.Repeat("</a>", 100))
                  + "<b>" + new string('x', 1024 * 1024) + "</b></Document>";
        var bytes = Encoding.UTF8.GetBytes(xml);
        using var stream = new CountingStream(bytes);

        var refused = Assert.Throws<Camt054FormatException>(() => Camt054Reader.Load(stream, new UTF8Encoding(false, true), MaxCharacters));

        Assert.Contains("deeper than 64 levels", refused.Message);
        Assert.Equal(1, stream.ReadsFromStart);
        Assert.True(stream.BytesRead < bytes.Length / 10, $"{stream.BytesRead} of {bytes.Length} bytes were read.");
    }

    /// <summary>A file's bytes that count how many of them are read, and how often reading starts again at the first.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public long BytesRead { get; private set; }
        public int ReadsFromStart { get; private set; }

        // A MemoryStream's subclass reads spans through this overload too.
        public override int Read(byte[] buffer, int offset, int count) => Counted(base.Read(buffer, offset, count));

        public override int ReadByte()
        {
            var read = base.ReadByte();
            if (read >= 0) Counted(1);
            return read;
        }

        private int Counted(int read)
        {
            // Position is already past what was read: a read that ends at its own length began at the first byte.
            if (read > 0 && Position == read) ReadsFromStart++;
            BytesRead += read;
            return read;
        }
    }
}
