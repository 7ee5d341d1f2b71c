using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Tests;

/// <summary>Frames without an allocation per frame: a request is serialized once with its header in front into
/// a rented buffer, an answer is read into the connection's own buffer, and the RFC 5734 limits hold as they
/// do for frames read into arrays.</summary>
public class PooledFrameTests
{
    private static readonly EppRegistryProfile Ietf = EppRegistryProfile.Ietf;

    [Fact]
    public void A_request_frame_is_the_header_then_the_payload_EppFrameWriter_writes()
    {
        var command = new DomainCheckCommand("example.kz", "пример.қаз");

        using var frame = OutgoingFrame.Command(command, Ietf, "RGR-1");

        Assert.Equal(EppFraming.Frame(EppFrameWriter.Serialize(EppFrameWriter.CommandDocument(command, Ietf, "RGR-1"))), frame.Bytes.ToArray());
        Assert.Equal(EppFrameWriter.Serialize(EppFrameWriter.CommandDocument(command, Ietf, "RGR-1")), frame.Payload.ToArray());
    }

    [Fact]
    public void A_request_larger_than_the_first_rented_buffer_is_written_whole()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"a-rather-long-domain-name-number-{i}.kz").ToArray();
        var command = new DomainCheckCommand(names);

        using var frame = OutgoingFrame.Command(command, Ietf, "RGR-1");

        Assert.True(frame.Length > 8 * 1024);
        Assert.Equal(EppFraming.Frame(EppFrameWriter.Serialize(EppFrameWriter.CommandDocument(command, Ietf, "RGR-1"))), frame.Bytes.ToArray());
    }

    [Fact]
    public void A_character_XML_cannot_carry_is_refused_before_anything_is_sent()
    {
        var command = new DomainCheckCommand("bad\u0001name.kz");

        Assert.Throws<EppCommandValidationException>(() => OutgoingFrame.Command(command, Ietf, "RGR-1"));
    }

    [Fact]
    public async Task Frames_read_together_are_handed_out_one_after_another()
    {
        var reader = new EppFrameReader(new MemoryStream([.. EppFraming.Frame("<epp/>"u8), .. EppFraming.Frame("<epp><hello/></epp>"u8)]), 1024);

        var first = (await reader.ReadAsync(default)).ToArray();
        var second = (await reader.ReadAsync(default)).ToArray();

        Assert.Equal("<epp/>"u8.ToArray(), first);
        Assert.Equal("<epp><hello/></epp>"u8.ToArray(), second);
    }

    [Fact]
    public async Task A_frame_arriving_a_byte_at_a_time_or_larger_than_the_buffer_is_read_whole()
    {
        var large = Enumerable.Repeat((byte)'x', 10_000).ToArray();
        var reader = new EppFrameReader(new OneByteAtATimeStream([.. EppFraming.Frame(large), .. EppFraming.Frame("<epp/>"u8)]), 1 << 20);

        Assert.Equal(large, (await reader.ReadAsync(default)).ToArray());
        Assert.Equal("<epp/>"u8.ToArray(), (await reader.ReadAsync(default)).ToArray());
    }

    [Fact]
    public async Task A_read_refuses_a_length_beyond_the_limit_before_making_room_for_it()
    {
        var reader = new EppFrameReader(new MemoryStream([0x7F, 0xFF, 0xFF, 0xFF]), 1024);

        var error = await Assert.ThrowsAsync<EppProtocolException>(async () => await reader.ReadAsync(default));

        Assert.Contains("1024-byte limit", error.Message);
    }

    [Fact]
    public async Task A_read_of_a_truncated_frame_is_a_closed_connection()
    {
        var reader = new EppFrameReader(new MemoryStream(EppFraming.Frame("<epp/>"u8)[..7]), 1024);

        await Assert.ThrowsAsync<EppConnectionException>(async () => await reader.ReadAsync(default));
    }

    private sealed class OneByteAtATimeStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }

    [Fact]
    public void Generated_clTRIDs_are_unique_sized_for_RFC_5730_and_sort_by_time()
    {
        var first = new ClTridGenerator("RGR");
        var second = new ClTridGenerator("RGR");

        var ids = Enumerable.Range(0, 10_000).SelectMany(_ => new[] { first.Next(), second.Next() }).ToList();
        Thread.Sleep(5);
        var later = first.Next();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^RGR-[0-9a-f]{32}$", id));
        Assert.All(ids, id => Assert.True(string.CompareOrdinal(id, later) < 0, $"{id} does not sort before {later}"));
    }
}
