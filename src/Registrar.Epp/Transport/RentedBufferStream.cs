using System.Buffers;

namespace Registrar.Epp.Transport;

/// <summary>A write-only stream over a buffer rented from the shared <see cref="ArrayPool{T}"/>, growing by
/// renting a larger one, that starts writing after <c>reserved</c> bytes (left for a frame header). Once its
/// buffer is handed over it can start again on a new one, so a writer kept over it serves frame after frame.</summary>
internal sealed class RentedBufferStream(int reserved) : Stream, IBufferWriter<byte>
{
    private readonly int _reserved = reserved;
    // Most EPP commands fit; the buffer doubles for the few that do not.
    private const int InitialCapacity = 2048;
    private byte[]? _buffer;
    private int _length = reserved;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;

    /// <summary>The reserved bytes and everything written.</summary>
    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>Hands the buffer over to the caller, who returns it to the pool; the next write starts a new one.</summary>
    public byte[] Detach()
    {
        var buffer = _buffer ?? ArrayPool<byte>.Shared.Rent(_length);
        _buffer = null;
        _length = _reserved;
        return buffer;
    }

    public override void Write(ReadOnlySpan<byte> data)
    {
        data.CopyTo(GetSpan(data.Length));
        _length += data.Length;
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var buffer = _buffer ??= ArrayPool<byte>.Shared.Rent(Math.Max(InitialCapacity, _length + sizeHint));
        if (_length + sizeHint > buffer.Length) buffer = Grow(_length + sizeHint);
        return buffer.AsSpan(_length);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        GetSpan(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public void Advance(int count) => _length += count;

    /// <summary>Drops what was written after <paramref name="length"/> bytes.</summary>
    public void Truncate(long length) => _length = (int)length;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_buffer is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
        _buffer = null;
        base.Dispose(disposing);
    }

    private byte[] Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer!.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        return _buffer = larger;
    }
}
