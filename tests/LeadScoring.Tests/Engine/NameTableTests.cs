using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using System.Text;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Engine;

/// <summary>The fast name table must answer exactly as an OrdinalIgnoreCase dictionary would.</summary>
public sealed class NameTableTests
{
    private static readonly string[] Keys =
        ["pricing_page_view", "Email_Open", "a", "ab", "x-y.z", "Größe", "ǅemo", "straße", "SIGMA_Σ", "page_view", "PAGE_VIEWS", "k", "S"];

    private static readonly NameTable Table = new(Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i));

    private static readonly Dictionary<string, int> Reference = Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("PRICING_PAGE_VIEW")]
    [InlineData("email_open")]
    [InlineData("A")]
    [InlineData("x-Y.Z")]
    [InlineData("GRÖSSE")]
    [InlineData("größe")]
    [InlineData("Ǆemo")]
    [InlineData("sigma_σ")]
    [InlineData("\u212A")] // Kelvin sign
    [InlineData("\u017F")] // long s
    [InlineData("page_vie")]
    [InlineData("")]
    [InlineData("unknown")]
    [InlineData("page\u007Fview")] // '_' and DEL differ only in the bit that folds case for letters
    [InlineData("x\ry.z")] // '-' and CR likewise
    [InlineData("x-y\u000Ez")] // '.' and SO, in the last, overlapping block
    public void Agrees_with_ordinal_ignore_case(string name)
    {
        bool expected = Reference.TryGetValue(name, out int expectedValue);
        Assert.Equal(expected, Table.TryGetValue(name, out int value));
        if (expected)
        {
            Assert.Equal(expectedValue, value);
        }
    }

    [Property(MaxTest = 500)]
    public Property Agrees_with_ordinal_ignore_case_for_any_casing_of_any_key(PositiveInt index, Seed seed)
    {
        string key = Keys[index.Get % Keys.Length];
        var random = new Random(seed);
        string variant = string.Concat(key.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
        bool expected = Reference.TryGetValue(variant, out int expectedValue);
        bool actual = Table.TryGetValue(variant, out int value);
        return (expected == actual && (!expected || expectedValue == value)).ToProperty();
    }

    [Property(MaxTest = 500)]
    public Property Agrees_with_ordinal_ignore_case_when_one_character_of_a_key_flips_its_case_bit(PositiveInt index, PositiveInt position)
    {
        // Flipping 0x20 changes the case of a letter (still the key) and turns any other character into another one (not the key).
        string key = Keys[index.Get % Keys.Length];
        int at = position.Get % key.Length;
        string variant = string.Concat(key[..at], ((char)(key[at] ^ 0x20)).ToString(), key[(at + 1)..]);
        bool expected = Reference.TryGetValue(variant, out int expectedValue);
        bool actual = Table.TryGetValue(variant, out int value);
        return (expected == actual && (!expected || expectedValue == value)).ToProperty();
    }

    [Property(MaxTest = 500)]
    public Property Agrees_with_ordinal_ignore_case_for_arbitrary_strings(NonNull<string> name)
    {
        bool expected = Reference.TryGetValue(name.Get, out int expectedValue);
        bool actual = Table.TryGetValue(name.Get, out int value);
        return (expected == actual && (!expected || expectedValue == value)).ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property The_quick_lookup_of_a_table_of_ascii_keys_agrees_with_ordinal_ignore_case(NonEmptyArray<NonEmptyString> words, Seed seed)
    {
        // Random ASCII vocabularies of up to 64 names: the call-free lookup must answer as the dictionary does, or leave
        // it undecided, and in a direct table (each key in its home slot) it decides every ASCII name. Names the fast hash
        // cannot tell apart ("[" and "{" fold alike) make a table that is not direct, whatever the multiplier.
        var random = new Random(seed);
        string[] keys = [.. words.Get.Select(w => AsciiOnly(w.Get)).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(64)];
        if (keys.Length == 0)
        {
            return true.ToProperty();
        }

        var table = new NameTable(keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i));
        var reference = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.OrdinalIgnoreCase);
        string[] probes =
        [
            .. keys.Select(string.Intern),
            .. keys.Select(k => string.Concat(k.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)))),
            .. keys.Select(k => k + "x"), .. keys.Select(k => k[..^1]), .. keys.Select(k => "\u017F" + k), .. keys.Select(k => k + "\u212A"),
        ];
        foreach (string probe in probes)
        {
            int expected = reference.TryGetValue(probe, out int value) ? value : -1;
            int quick = table.QuickSlotOf(probe);
            bool mustDecide = table.IsDirect && probe.Length > 0 && Ascii.IsValid(probe);
            if (table.SlotOf(probe) != expected || (quick != NameTable.Undecided && quick != expected) || (quick == NameTable.Undecided && mustDecide))
            {
                return false.Label($"{probe}: expected {expected}, SlotOf {table.SlotOf(probe)}, QuickSlotOf {quick}, direct {table.IsDirect}");
            }
        }

        return true.ToProperty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(64)]
    public void A_vocabulary_the_hash_tells_apart_gets_a_direct_table(int count)
    {
        // Up to 64 names, each with its own home slot for some multiplier among those tried (the sequence is fixed). The
        // hash reads the length and the first, middle, three-quarter and last characters: the names differ in the first
        // and last ("activity_12" and "activity_22" would not: the hash could never tell them apart).
        var names = Enumerable.Range(0, count).ToDictionary(i => $"{i / 10}activity{i % 10}", i => i);
        var table = new NameTable(names);
        Assert.True(table.IsDirect);
        foreach (var (name, value) in names)
        {
            Assert.Equal(value, table.QuickSlotOf(name.ToUpperInvariant()));
            Assert.Equal(value, table.SlotOfAscii(Encoding.ASCII.GetBytes(name)));
        }

        Assert.Equal(-1, table.QuickSlotOf("6activity4"));
        Assert.Equal(-1, table.SlotOfAscii("0activity"u8));
    }

    [Fact]
    public void With_a_non_ascii_key_the_quick_lookup_leaves_ascii_misses_undecided()
    {
        // "ſ" (long s) equals "S" ignoring case, ordinally: an ASCII name that misses the fast table may equal a non-ASCII key.
        var table = new NameTable(new Dictionary<string, int> { ["email_open"] = 0, ["ſ"] = 1 });
        Assert.True(table.IsDirect);
        Assert.Equal(0, table.QuickSlotOf("EMAIL_OPEN"));
        Assert.Equal(NameTable.Undecided, table.QuickSlotOf("s"));
        Assert.Equal(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["ſ"] = 1 }.TryGetValue("s", out int v) ? v : -1, table.SlotOf("s"));
    }

    [Fact]
    public void The_built_in_rule_sets_tables_are_direct()
    {
        // The activity loop's speed rests on it: one slot read per activity type, no probing.
        var model = ScoringModel.Default.Compiled;
        Assert.True(model.TypeTableIsDirect);
        Assert.True(model.FieldTableIsDirect);
    }

    [Fact]
    public void Names_alike_in_length_and_the_sampled_characters_still_resolve_and_load_in_linear_time()
    {
        // field_00000 .. field_99999 agree in length and in most characters the fast hash reads.
        var names = Enumerable.Range(0, 100_000).ToDictionary(i => $"field_{i:00000}", i => i);
        var table = new NameTable(names);
        foreach (var (name, value) in names.Where(p => p.Value % 997 == 0))
        {
            Assert.True(table.TryGetValue(name.ToUpperInvariant(), out int found));
            Assert.Equal(value, found);
        }

        Assert.False(table.TryGetValue("field_100000", out _));
    }

    [Fact]
    public void An_empty_key_is_found_through_the_full_dictionary_and_others_still_resolve()
    {
        // Validation rejects empty names; the table must still never hash one (its fast hash reads without bounds checks).
        var table = new NameTable(new Dictionary<string, int> { [""] = 0, ["email_open"] = 1 });
        Assert.True(table.TryGetValue("", out int empty));
        Assert.Equal(0, empty);
        Assert.Equal(1, table.SlotOf("EMAIL_OPEN"));
        Assert.Equal(1, table.SlotOfAscii("Email_Open"u8));
        Assert.Equal(-1, table.SlotOf("email_opens"));
    }

    [Fact]
    public void A_key_is_found_by_the_literal_a_host_writes_and_by_any_equal_string()
    {
        // The table interns its keys, so that a literal (interned by the runtime) ends the lookup at the reference
        // comparison; every other equal string, in any case, must still be found.
        string fromJson = new("page_view".AsSpan());
        var table = new NameTable(new Dictionary<string, int> { [fromJson] = 7, ["email_open"] = 1 });
        Assert.Equal(7, table.SlotOf("page_view"));
        Assert.Equal(7, table.SlotOf(fromJson));
        Assert.Equal(7, table.SlotOf(new string("PAGE_VIEW".AsSpan())));
        Assert.Equal(-1, table.SlotOf(new string("page_views".AsSpan())));
    }

    private static string AsciiOnly(string word) => new([.. word.Where(c => c is > ' ' and < '\u007F')]);
}
