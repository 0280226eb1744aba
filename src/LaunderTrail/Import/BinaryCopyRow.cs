using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace LaunderTrail.Import;

/// <summary>
/// Builds rows in PostgreSQL's binary COPY format (the "Binary Format" section of PostgreSQL's COPY page): per row a
/// 16-bit field count, then per field a 32-bit length and the value in the type's binary form. Values that are the same
/// in every row of an import are encoded once (<see cref="Encode"/>) and copied in. Npgsql's binary importer encodes
/// each value through a parameter of its own; for the event table's thirteen columns that cost the import's writer
/// more than half of its time, on the thread every fact passes through.
/// </summary>
internal sealed class BinaryCopyRow
{
    /// <summary>What a binary COPY starts with: the signature, no flags, no header extension.</summary>
    public static ReadOnlySpan<byte> Header =>
        [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>What a binary COPY ends with: a field count of -1.</summary>
    public static ReadOnlySpan<byte> Trailer => [0xFF, 0xFF];

    // PostgreSQL counts timestamps in microseconds from 2000-01-01 00:00 UTC.
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private readonly ArrayBufferWriter<byte> _row = new(4_096);

    public ReadOnlySpan<byte> Written => _row.WrittenSpan;

    public void Start(short fields)
    {
        _row.ResetWrittenCount();
        BinaryPrimitives.WriteInt16BigEndian(_row.GetSpan(2), fields);
        _row.Advance(2);
    }

    public void Int64(long value)
    {
        var span = _row.GetSpan(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
        _row.Advance(12);
    }

    /// <summary>A uuid: the 16 bytes returned are to be filled, in network order, before the next field is added.</summary>
    public Span<byte> Uuid()
    {
        var span = _row.GetSpan(20);
        BinaryPrimitives.WriteInt32BigEndian(span, 16);
        _row.Advance(20);
        return span.Slice(4, 16);
    }

    /// <summary>A jsonb value: the format version, 1, then the document's UTF-8 text.</summary>
    public void Jsonb(ReadOnlySpan<byte> utf8Json)
    {
        var span = _row.GetSpan(5 + utf8Json.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, 1 + utf8Json.Length);
        span[4] = 1;
        utf8Json.CopyTo(span[5..]);
        _row.Advance(5 + utf8Json.Length);
    }

    /// <summary>Fields encoded once by <see cref="Encode"/>.</summary>
    public void Encoded(ReadOnlySpan<byte> fields)
    {
        fields.CopyTo(_row.GetSpan(fields.Length));
        _row.Advance(fields.Length);
    }

    /// <summary>Encodes values of the kinds the event table holds (text, timestamptz, boolean), each with its length.</summary>
    public static byte[] Encode(params object[] values)
    {
        var fields = new ArrayBufferWriter<byte>();
        foreach (var value in values)
        {
            byte[] bytes = value switch
            {
                string text => Encoding.UTF8.GetBytes(text),
                DateTimeOffset at => BigEndian((at.UtcTicks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond),
                bool flag => [flag ? (byte)1 : (byte)0],
                _ => throw new ArgumentException($"no binary COPY form for {value.GetType()}", nameof(values)),
            };
            BinaryPrimitives.WriteInt32BigEndian(fields.GetSpan(4), bytes.Length);
            fields.Advance(4);
            fields.Write(bytes);
        }

        return fields.WrittenSpan.ToArray();
    }

    private static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }
}
