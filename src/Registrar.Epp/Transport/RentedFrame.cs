using System.Buffers;

namespace Registrar.Epp.Transport;

/// <summary>One received frame's payload in a buffer rented from the shared <see cref="ArrayPool{T}"/>, so
/// reading answers allocates nothing per frame. The payload is valid until the frame is disposed, which
/// gives the buffer back.</summary>
public sealed class RentedFrame : IDisposable
{
    private byte[]? _buffer;

    internal RentedFrame(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Payload =>
        _buffer?.AsMemory(0, Length) ?? throw new ObjectDisposedException(nameof(RentedFrame));

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
    }
}
