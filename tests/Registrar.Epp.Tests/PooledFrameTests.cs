using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Tests;

/// <summary>Frames in rented buffers: a request is serialized once with its header in front, an answer is
/// read into a rented buffer, and the RFC 5734 limits hold as they do for frames read into arrays.</summary>
public class PooledFrameTests
{
    private static readonly EppRegistryProfile Ietf = EppRegistryProfile.Ietf;

    [Fact]
    public void A_request_frame_is_the_header_then_the_payload_EppFrameWriter_writes()
    {
        var command = new DomainCheckCommand("example.kz", "пример.қаз");

        using var frame = OutgoingFrame.Serialize(EppFrameWriter.CommandDocument(command, Ietf, "RGR-1"));

        Assert.Equal(EppFraming.Frame(EppFrameWriter.Command(command, Ietf, "RGR-1")), frame.Bytes.ToArray());
        Assert.Equal(EppFrameWriter.Command(command, Ietf, "RGR-1"), frame.Payload.ToArray());
    }

    [Fact]
    public void A_request_larger_than_the_first_rented_buffer_is_written_whole()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"a-rather-long-domain-name-number-{i}.kz").ToArray();
        var command = new DomainCheckCommand(names);

        using var frame = OutgoingFrame.Serialize(EppFrameWriter.CommandDocument(command, Ietf, "RGR-1"));

        Assert.True(frame.Length > 8 * 1024);
        Assert.Equal(EppFraming.Frame(EppFrameWriter.Command(command, Ietf, "RGR-1")), frame.Bytes.ToArray());
    }

    [Fact]
    public void A_character_XML_cannot_carry_is_refused_before_anything_is_sent()
    {
        var command = new DomainCheckCommand("bad\u0001name.kz");

        Assert.Throws<EppCommandValidationException>(() => OutgoingFrame.Serialize(EppFrameWriter.CommandDocument(command, Ietf, "RGR-1")));
    }

    [Fact]
    public async Task Frames_read_one_after_another_share_the_callers_header_buffer()
    {
        var stream = new MemoryStream([.. EppFraming.Frame("<epp/>"u8), .. EppFraming.Frame("<epp><hello/></epp>"u8)]);
        var header = new byte[EppFraming.HeaderLength];

        using var first = await EppFraming.ReadRentedAsync(stream, header, 1024, default);
        using var second = await EppFraming.ReadRentedAsync(stream, header, 1024, default);

        Assert.Equal("<epp/>"u8.ToArray(), first.Payload.ToArray());
        Assert.Equal("<epp><hello/></epp>"u8.ToArray(), second.Payload.ToArray());
    }

    [Fact]
    public async Task A_rented_read_refuses_a_length_beyond_the_limit_before_renting()
    {
        var error = await Assert.ThrowsAsync<EppProtocolException>(async () =>
            await EppFraming.ReadRentedAsync(new MemoryStream([0x7F, 0xFF, 0xFF, 0xFF]), new byte[4], 1024, default));

        Assert.Contains("1024-byte limit", error.Message);
    }

    [Fact]
    public async Task A_rented_read_of_a_truncated_frame_is_a_closed_connection()
    {
        var truncated = EppFraming.Frame("<epp/>"u8)[..7];

        await Assert.ThrowsAsync<EppConnectionException>(async () =>
            await EppFraming.ReadRentedAsync(new MemoryStream(truncated), new byte[4], 1024, default));
    }

    [Fact]
    public async Task A_disposed_frame_no_longer_hands_out_its_buffer()
    {
        var frame = await EppFraming.ReadRentedAsync(new MemoryStream(EppFraming.Frame("<epp/>"u8)), new byte[4], 1024, default);

        frame.Dispose();
        frame.Dispose();

        Assert.Throws<ObjectDisposedException>(() => frame.Payload);
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
