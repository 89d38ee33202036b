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
/// For the usual small vocabularies the hash's multiplier is chosen so that every key has its home slot to itself
/// (<see cref="_direct"/>): a lookup then reads one slot, with no probe loop.
/// </summary>
internal sealed class NameTable
{
    // A probe run this long while building means the fast hash clusters these names.
    private const int MaxProbes = 16;

    // Tables of up to this many names are frozen and intern their keys; larger ones come from generated rule sets.
    private const int SmallVocabulary = 1024;

    // Vocabularies of up to this many names get a multiplier that gives each key its own home slot, if one is found
    // among DirectTries candidates for a table of 4, 8 or 16 slots per name (for 16 names, a candidate succeeds with a
    // chance of about one in eight at 4 slots per name, and one in two at 16).
    private const int DirectVocabulary = 64;
    private const int DirectTries = 64;

    // The multiplier of the fast hash when no other is chosen (2^64 / golden ratio).
    private const ulong DefaultMultiplier = 0x9E3779B97F4A7C15UL;

    private readonly Entry[] _entries;
    private readonly bool _fullHash;
    private readonly int _mask;
    private readonly ulong _multiplier = DefaultMultiplier;

    // Whether every fast key sits in its home slot: a name that is not in its home slot is then not in the fast table.
    private readonly bool _direct;
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
        if (names.Count <= DirectVocabulary && TryDirect(names, size, out _multiplier, out _mask))
        {
            _direct = true;
            _entries = new Entry[_mask + 1];
            TryFill(names, fullHash: false);
            return;
        }

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

    /// <summary>
    /// Looks for a multiplier under which the fast keys' home slots are all different, in a table of
    /// <paramref name="size"/> slots, then twice and four times as many. The candidates are a fixed sequence, so a
    /// vocabulary always gets the same table.
    /// </summary>
    private static bool TryDirect(IReadOnlyDictionary<string, int> names, int size, out ulong multiplier, out int mask)
    {
        string[] keys = [.. names.Keys.Where(IsFastKey)];
        ulong state = DefaultMultiplier;
        for (int slots = size; slots <= size * 4; slots *= 2)
        {
            var taken = new bool[slots];
            for (int attempt = 0; attempt < DirectTries; attempt++)
            {
                // SplitMix64: well-mixed odd candidates, the first being the default multiplier's successor.
                ulong z = state += DefaultMultiplier;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                multiplier = (z ^ (z >> 31)) | 1;
                mask = slots - 1;
                Array.Clear(taken);
                bool distinct = true;
                foreach (string key in keys)
                {
                    int home = Hash(key, multiplier) & mask;
                    if (taken[home])
                    {
                        distinct = false;
                        break;
                    }

                    taken[home] = true;
                }

                if (distinct)
                {
                    return true;
                }
            }
        }

        (multiplier, mask) = (DefaultMultiplier, size - 1);
        return false;
    }

    private bool TryFill(IReadOnlyDictionary<string, int> names, bool fullHash)
    {
        foreach (var (name, value) in names)
        {
            if (!IsFastKey(name))
            {
                continue; // only in the full dictionary
            }

            int i = (fullHash ? FullHash(name) : Hash(name, _multiplier)) & _mask;
            Debug.Assert(!_direct || _entries[i].Key is null, "a direct table gives each key its own slot");
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

    /// <summary>Whether every ASCII key has its home slot to itself (see <see cref="QuickSlotOf"/>).</summary>
    public bool IsDirect => _direct;

    // The fast hash reads characters of a non-empty name without bounds checks; validation rejects empty names, and an
    // empty key would still be found, through the full dictionary.
    private static bool IsFastKey(string name) => name.Length > 0 && Ascii.IsValid(name);

    /// <summary>The value of <paramref name="name"/> in <paramref name="value"/> (-1 when it is not in the table).</summary>
    public bool TryGetValue(string name, out int value)
    {
        value = SlotOf(name);
        return value >= 0;
    }

    /// <summary>The value of <paramref name="name"/>; -1 when it is not in the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SlotOf(string name)
    {
        int slot = QuickSlotOf(name);
        return slot != Undecided ? slot : SlotOfUndecided(name);
    }

    /// <summary>What <see cref="QuickSlotOf"/> returns when it cannot tell.</summary>
    public const int Undecided = -2;

    /// <summary>
    /// The value of <paramref name="name"/> (-1: not in the table), decided without a call for an ASCII name in a direct
    /// table without non-ASCII keys; otherwise <see cref="Undecided"/>, and <see cref="SlotOf"/> answers. A loop of these
    /// holds its values in registers: one call anywhere in it, however rare, makes the JIT keep them on the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int QuickSlotOf(string name)
    {
        if (_direct && name.Length > 0)
        {
            // True only for a name equal to the ASCII key ignoring ASCII case, which is exactly when OrdinalIgnoreCase
            // says so for an ASCII name (a non-ASCII name that misses goes on to the dictionary).
            ref readonly var entry = ref _entries[Hash(name, _multiplier) & _mask];
            if (ReferenceEquals(entry.Key, name) || (entry.Key is { } key && key.Length == name.Length && EqualsFolded(name, entry.Lower, entry.Mask)))
            {
                return entry.Value;
            }

            // Not in its home slot, so not a fast key; an ASCII name can equal only a non-ASCII key.
            if (!_hasSlowKeys && IsAscii(name))
            {
                return -1;
            }
        }

        return Undecided;
    }

    /// <summary>
    /// <see cref="SlotOf"/> past what <see cref="QuickSlotOf"/> decides: the probe loop of a table that is not direct
    /// (from the name's home slot to the first empty one), then the full dictionary unless the name is ASCII and every
    /// key is in the fast table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SlotOfUndecided(string name)
    {
        if (!_direct && name.Length > 0)
        {
            var entries = _entries;
            for (int i = (_fullHash ? FullHash(name) : Hash(name, _multiplier)) & _mask; entries[i].Key is { } key; i = (i + 1) & _mask)
            {
                ref readonly var entry = ref entries[i];
                if (ReferenceEquals(key, name) || (key.Length == name.Length && EqualsFolded(name, entry.Lower, entry.Mask)))
                {
                    return entry.Value;
                }
            }
        }

        return SlotOfUnlisted(name);
    }

    // A name not in the fast table: not in the table at all if it is ASCII and every key is in the fast table.
    private int SlotOfUnlisted(string name) =>
        (_hasSlowKeys || !Ascii.IsValid(name)) && _all.TryGetValue(name, out int value) ? value : -1;

    // Ascii.IsValid without the call: four characters at a time, the last block overlapping the one before.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAscii(string name)
    {
        const ulong NonAscii = 0xFF80_FF80_FF80_FF80UL;
        int n = name.Length;
        if (n < 4)
        {
            int bits = 0;
            foreach (char c in name)
            {
                bits |= c;
            }

            return bits < 0x80;
        }

        ref byte a = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(name.AsSpan()));
        nuint last = (nuint)(n - 4) * 2;
        ulong any = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref a, last));
        for (nuint offset = 0; offset < last; offset += 8)
        {
            any |= Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref a, offset));
        }

        return (any & NonAscii) == 0;
    }

    /// <summary>The value of the name that <paramref name="ascii"/> spells (ASCII bytes, e.g. straight from JSON); -1 when it is not in the table.</summary>
    public int SlotOfAscii(ReadOnlySpan<byte> ascii)
    {
        Debug.Assert(Ascii.IsValid(ascii), "ASCII bytes only");
        if (!ascii.IsEmpty)
        {
            var entries = _entries;
            for (int i = (_fullHash ? FullHash(ascii) : Hash(ascii, _multiplier)) & _mask; entries[i].Key is { } key; i = (i + 1) & _mask)
            {
                ref readonly var entry = ref entries[i];
                if (key.Length == ascii.Length && EqualsFolded(ascii, entry.Lower, entry.Mask))
                {
                    return entry.Value;
                }

                if (_direct)
                {
                    break; // its home slot holds another key
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
    private static int Hash(string s, ulong multiplier) => Hash(ref MemoryMarshal.GetReference(s.AsSpan()), s.Length, multiplier);

    // ASCII bytes hash as the characters they spell.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash<TChar>(ReadOnlySpan<TChar> s, ulong multiplier)
        where TChar : unmanaged, IBinaryInteger<TChar> => Hash(ref MemoryMarshal.GetReference(s), s.Length, multiplier);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash<TChar>(ref TChar first, int length, ulong multiplier)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        Debug.Assert(length > 0, "callers look up non-empty names only");
        nuint n = (nuint)length;
        ulong packed = (ulong.CreateTruncating(first) | 0x20)
            | ((ulong.CreateTruncating(Unsafe.Add(ref first, n >> 1)) | 0x20) << 16)
            | ((ulong.CreateTruncating(Unsafe.Add(ref first, n - 1)) | 0x20) << 32)
            | ((ulong.CreateTruncating(Unsafe.Add(ref first, (n * 3) >> 2)) | 0x20) << 48);
        return (int)(((packed ^ ((ulong)n << 7)) * multiplier) >> 40);
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
