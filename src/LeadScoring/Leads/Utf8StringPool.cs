using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace LeadScoring.Leads;

/// <summary>
/// Turns short ASCII UTF-8 values into strings, handing back the string made last time for the same bytes: activity
/// types, tags, attribute names and the usual attribute values repeat across a stream of leads, and a parser that
/// allocated a string for each would spend most of its time and memory on them. One small table per thread (no
/// locks; strings are immutable, so sharing one between leads is safe); a slot holds the latest string that hashed
/// to it, so memory stays bounded whatever the input.
/// </summary>
internal sealed class Utf8StringPool
{
    /// <summary>Longer values (emails, URLs) are rarely repeated: not worth a slot.</summary>
    public const int MaxLength = 48;

    private const int Size = 1024;

    [ThreadStatic]
    private static Utf8StringPool? t_pool;

    private readonly string?[] _slots = new string?[Size];

    /// <summary>This thread's pool.</summary>
    public static Utf8StringPool ForThread => t_pool ??= new Utf8StringPool();

    /// <summary>The string of <paramref name="utf8"/> when it is ASCII and at most <see cref="MaxLength"/> bytes; false otherwise (the caller decodes, and validates, it).</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        if (utf8.IsEmpty || utf8.Length > MaxLength)
        {
            value = null;
            return false;
        }

        ref string? slot = ref _slots[Hash(utf8) & (Size - 1)];
        if (slot is { } cached && cached.Length == utf8.Length && Ascii.Equals(utf8, cached))
        {
            value = cached;
            return true;
        }

        if (!Ascii.IsValid(utf8))
        {
            value = null;
            return false;
        }

        value = slot = Encoding.ASCII.GetString(utf8);
        return true;
    }

    // The length and the first and last eight bytes (overlapping for short values); a collision only costs a miss.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        ulong first, last;
        if (utf8.Length >= 8)
        {
            first = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            last = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]);
        }
        else
        {
            first = 0;
            foreach (byte b in utf8)
            {
                first = (first << 8) | b;
            }

            last = (ulong)utf8.Length;
        }

        ulong h = ((first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL)) + (ulong)utf8.Length;
        return (int)(h ^ (h >> 29) ^ (h >> 47));
    }
}
