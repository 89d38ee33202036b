using System.Collections.Frozen;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace LeadScoring.Scoring;

/// <summary>
/// Maps activity types and field names to slots, ignoring case (ordinal), faster than a general
/// case-insensitive dictionary: ASCII names (the norm) go through an open-addressing table keyed by a
/// cheap case-folded hash of the length and a few characters; anything else falls back to a frozen
/// <see cref="StringComparer.OrdinalIgnoreCase"/> dictionary, so results are always those of OrdinalIgnoreCase.
/// </summary>
internal sealed class NameTable
{
    // A probe run this long while building means the fast hash clusters these names.
    private const int MaxProbes = 16;

    // Tables of up to this many names are frozen and intern their keys; larger ones come from generated rule sets.
    private const int SmallVocabulary = 1024;

    private readonly Entry[] _entries;
    private readonly bool _fullHash;
    private readonly int _mask;
    private readonly IReadOnlyDictionary<string, int> _all;

    // Whether some key is not in the fast table (not pure ASCII, or empty): then an ASCII name that misses the fast table
    // must still ask the full dictionary (OrdinalIgnoreCase can equate ASCII letters with a few non-ASCII ones).
    private readonly bool _hasSlowKeys;

    public NameTable(IReadOnlyDictionary<string, int> names)
    {
        // Frozen lookups are faster, but freezing analyses every key: for the huge tables of generated rule sets a
        // plain dictionary builds in a fraction of the time (and only non-ASCII names ever reach it).
        _all = names.Count <= SmallVocabulary
            ? names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, int>(names, StringComparer.OrdinalIgnoreCase);
        int size = 8;
        while (size < names.Count * 4)
        {
            size *= 2;
        }

        _mask = size - 1;
        _hasSlowKeys = names.Keys.Any(name => !IsFastKey(name));
        _entries = new Entry[size];
        if (!TryFill(names, fullHash: false))
        {
            // Names alike in length and in the few characters the fast hash reads (field_00001, field_00002, ...)
            // pile up in one cluster, and every insertion and lookup would walk it: hash every character instead.
            _fullHash = true;
            _entries = new Entry[size];
            TryFill(names, fullHash: true);
        }
    }

    private bool TryFill(IReadOnlyDictionary<string, int> names, bool fullHash)
    {
        foreach (var (name, value) in names)
        {
            if (!IsFastKey(name))
            {
                continue; // only in the full dictionary
            }

            int i = (fullHash ? FullHash(name) : Hash(name)) & _mask;
            for (int probes = 0; _entries[i].Key is not null; probes++)
            {
                if (probes == MaxProbes && !fullHash)
                {
                    return false;
                }

                i = (i + 1) & _mask;
            }

            // The key is the interned string: a host that names fields and types with literals (interned by the
            // runtime) passes this very string, and the lookup ends at the reference comparison. Interned strings
            // live as long as the process, so only the usual small vocabularies are interned, not generated ones.
            _entries[i] = new Entry(names.Count <= SmallVocabulary ? string.Intern(name) : name, value, string.Create(name.Length, name, static (chars, key) =>
            {
                for (int c = 0; c < chars.Length; c++)
                {
                    chars[c] = char.IsAsciiLetter(key[c]) ? (char)(key[c] | 0x20) : key[c];
                }
            }), string.Create(name.Length, name, static (chars, key) =>
            {
                for (int c = 0; c < chars.Length; c++)
                {
                    chars[c] = char.IsAsciiLetter(key[c]) ? (char)0x20 : (char)0;
                }
            }));
        }

        return true;
    }

    public int Count => _all.Count;

    // The fast hash reads characters of a non-empty name without bounds checks; validation rejects empty names, and an
    // empty key would still be found, through the full dictionary.
    private static bool IsFastKey(string name) => name.Length > 0 && Ascii.IsValid(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(string name, out int value)
    {
        if (name.Length > 0)
        {
            var entries = _entries;
            for (int i = (_fullHash ? FullHash(name) : Hash(name)) & _mask; entries[i].Key is { } key; i = (i + 1) & _mask)
            {
                ref readonly var entry = ref entries[i];

                // True only for a name equal to the ASCII key ignoring ASCII case, which is exactly when
                // OrdinalIgnoreCase says so for an ASCII name (a non-ASCII name falls through to the dictionary).
                if (ReferenceEquals(key, name) || (key.Length == name.Length && EqualsFolded(name, entry.Lower, entry.Mask)))
                {
                    value = entry.Value;
                    return true;
                }
            }
        }

        if (!_hasSlowKeys && Ascii.IsValid(name))
        {
            value = -1;
            return false;
        }

        return _all.TryGetValue(name, out value);
    }

    /// <summary>The value of <paramref name="name"/>; -1 when it is not in the table.</summary>
    public int SlotOf(string name) => TryGetValue(name, out int value) ? value : -1;

    /// <summary>The value of the name that <paramref name="ascii"/> spells (ASCII bytes, e.g. straight from JSON); -1 when it is not in the table.</summary>
    public int SlotOfAscii(ReadOnlySpan<byte> ascii)
    {
        Debug.Assert(Ascii.IsValid(ascii), "ASCII bytes only");
        if (!ascii.IsEmpty)
        {
            var entries = _entries;
            for (int i = (_fullHash ? FullHash(ascii) : Hash(ascii)) & _mask; entries[i].Key is { } key; i = (i + 1) & _mask)
            {
                ref readonly var entry = ref entries[i];
                if (key.Length == ascii.Length && EqualsFolded(ascii, entry.Lower, entry.Mask))
                {
                    return entry.Value;
                }
            }
        }

        // As for a string: an ASCII name that misses the fast table can only equal a non-ASCII key.
        return _hasSlowKeys && _all.TryGetValue(Encoding.ASCII.GetString(ascii), out int value) ? value : -1;
    }

    // Four characters at a time: (c | mask) == lower per character, the last block overlapping the one before.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EqualsFolded(string name, string lower, string mask)
    {
        int n = name.Length;
        ref byte a = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(name.AsSpan()));
        ref byte l = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(lower.AsSpan()));
        ref byte m = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(mask.AsSpan()));
        if (n < 4)
        {
            for (int c = 0; c < n; c++)
            {
                if ((name[c] | mask[c]) != lower[c])
                {
                    return false;
                }
            }

            return true;
        }

        nuint last = (nuint)(n - 4) * 2;
        for (nuint offset = 0; offset < last; offset += 8)
        {
            if ((Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref a, offset)) | Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref m, offset)))
                != Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref l, offset)))
            {
                return false;
            }
        }

        return (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref a, last)) | Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref m, last)))
            == Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref l, last));
    }

    // The same comparison for ASCII bytes against the UTF-16 key: eight bytes widened to eight characters at a time,
    // the last block overlapping the one before.
    private static bool EqualsFolded(ReadOnlySpan<byte> ascii, string lower, string mask)
    {
        int n = ascii.Length;
        if (n < 8)
        {
            for (int c = 0; c < n; c++)
            {
                if ((ascii[c] | mask[c]) != lower[c])
                {
                    return false;
                }
            }

            return true;
        }

        ref byte a = ref MemoryMarshal.GetReference(ascii);
        ref ushort l = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(lower.AsSpan()));
        ref ushort m = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(mask.AsSpan()));
        nuint last = (nuint)(n - 8);
        for (nuint offset = 0; ; offset = Math.Min(offset + 8, last))
        {
            var chars = Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref a, offset))).AsByte());
            if ((chars | Vector128.LoadUnsafe(ref m, offset)) != Vector128.LoadUnsafe(ref l, offset))
            {
                return false;
            }

            if (offset == last)
            {
                return true;
            }
        }
    }

    // Length and four characters (first, middle, last, three quarters), each folded to lower case (exact for ASCII letters;
    // other ASCII characters may collide, which the full comparison settles), packed into one word and mixed by one
    // multiply: the characters load independently, so the hash is a few cycles, not a chain of multiplies (the type
    // lookup is the largest single cost of the activity loop). The caller guarantees a non-empty name.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(string s) => Hash(ref MemoryMarshal.GetReference(s.AsSpan()), s.Length);

    // ASCII bytes hash as the characters they spell.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash<TChar>(ReadOnlySpan<TChar> s)
        where TChar : unmanaged, IBinaryInteger<TChar> => Hash(ref MemoryMarshal.GetReference(s), s.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash<TChar>(ref TChar first, int length)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        Debug.Assert(length > 0, "callers look up non-empty names only");
        nuint n = (nuint)length;
        ulong packed = (ulong.CreateTruncating(first) | 0x20)
            | ((ulong.CreateTruncating(Unsafe.Add(ref first, n >> 1)) | 0x20) << 16)
            | ((ulong.CreateTruncating(Unsafe.Add(ref first, n - 1)) | 0x20) << 32)
            | ((ulong.CreateTruncating(Unsafe.Add(ref first, (n * 3) >> 2)) | 0x20) << 48);
        return (int)(((packed ^ ((ulong)n << 7)) * 0x9E3779B97F4A7C15UL) >> 40);
    }

    private static int FullHash(string s) => FullHash<char>(s);

    // Every character, folded like Hash (FNV-1a, then a final mix).
    private static int FullHash<TChar>(ReadOnlySpan<TChar> s)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        uint h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ (uint.CreateTruncating(c) | 0x20u)) * 16777619u;
        }

        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        return (int)(h ^ (h >> 12));
    }

    /// <summary>
    /// A slot of the fast table: the key, its value, the key with ASCII letters lower-cased, and 0x20 where the key
    /// has a letter, so that (c | mask) == lower compares a character ignoring ASCII case without a branch.
    /// </summary>
    private readonly record struct Entry(string? Key, int Value, string Lower, string Mask);
}
