using System.Buffers;
using System.Buffers.Binary;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;

namespace Registrar.Epp.Transport;

/// <summary>A request frame serialized once, straight into a buffer rented from the shared
/// <see cref="ArrayPool{T}"/> with room left in front for the RFC 5734 length header: header and payload
/// then go out in one write, with no copy. The same bytes can be sent again (a read re-sent on a new
/// session); disposing gives the buffer back.</summary>
public sealed class OutgoingFrame : IDisposable
{
    private byte[]? _buffer;

    private OutgoingFrame(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
        BinaryPrimitives.WriteInt32BigEndian(buffer, length);
    }

    /// <summary>Header and payload, as they go on the wire.</summary>
    public int Length { get; }

    public ReadOnlyMemory<byte> Bytes => Buffer.AsMemory(0, Length);

    public ReadOnlyMemory<byte> Payload => Buffer.AsMemory(EppFraming.HeaderLength, Length - EppFraming.HeaderLength);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(OutgoingFrame));

    /// <summary>The frame of <paramref name="command"/> under <paramref name="clTrid"/>; throws
    /// <see cref="EppCommandValidationException"/> for a command that cannot be sent.</summary>
    public static OutgoingFrame Command(IEppCommand command, EppRegistryProfile profile, string clTrid)
    {
        var (buffer, length) = CommandFrameWriter.Write(command, profile, clTrid);
        return new OutgoingFrame(buffer, length);
    }

    /// <summary>Frames a payload that is already serialized (a &lt;hello&gt;).</summary>
    public static OutgoingFrame FromPayload(ReadOnlySpan<byte> payload)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(EppFraming.HeaderLength + payload.Length);
        payload.CopyTo(buffer.AsSpan(EppFraming.HeaderLength));
        return new OutgoingFrame(buffer, EppFraming.HeaderLength + payload.Length);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
    }
}
