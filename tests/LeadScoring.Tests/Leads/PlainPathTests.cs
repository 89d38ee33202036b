using System.Text;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Leads;

/// <summary>
/// The parser's fast path for plain leads never changes a result: whatever the bytes, parsing gives the lead or the
/// error that the strict parser alone gives.
/// </summary>
public sealed class PlainPathTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    // Bytes that make JSON interesting: structure, whitespace, escapes, number parts, literals, control and non-UTF-8 bytes.
    private static readonly byte[] Alphabet = [.. " \t\r\n\"\\,:{}[]0123456789-+.eEntfrulsx"u8, 0x01, 0x1F, 0x7F, 0xC3, 0xA9, 0xFF, 0xE2];

    [Property(MaxTest = 300)]
    public void Any_mutation_of_a_lead_parses_as_the_strict_parser_parses_it(Seed seed)
    {
        var random = new Random(seed);
        var leads = RandomRuleSet.Leads(seed, 3, AsOf);
        foreach (var lead in leads)
        {
            byte[] json = TestText.JsonBytes(lead);
            AssertSameAsStrict(json);
            for (int m = 0; m < 20; m++)
            {
                AssertSameAsStrict(Mutate(json, random));
            }
        }
    }

    [Property(MaxTest = 1000)]
    public void Attribute_values_of_every_shape_parse_as_the_strict_parser_parses_them(Seed seed)
    {
        // Values drawn from the grammar's corners, the rest of the lead mostly valid: the fast path decides numbers,
        // literals and strings itself, and must accept exactly what the strict parser accepts.
        string[] values =
        [
            "0", "-0", "01", "-01", "1.", ".5", "-", "1e5", "1E+5", "-1.5e-3", "1e", "1e+", "1e400", "-1e400", "4.9e-324", "1e-400",
            "123456789012345678901234567890", "0.1000000000000000055511151231257827", "true", "tru", "truee", "false", "null", "nul",
            "999999999999999", "-999999999999999", "9999999999999999", "9007199254740993", "999999999999999999", "1000000000000000000", "-9223372036854775809", "100000000000000000000", "-2026", "00",
            "\"x\"", "\"\\u0041\"", "\"\"", "\"a\\\"b\"", "{}", "[]", "+1", "0x1", "1_0", "NaN", "Infinity", "2026", "1 2",
        ];
        string[] oddNames = ["\"\"", "\"A\"", "\"\\u0062\"", "a"];
        string[] spaces = ["", "", " ", "\t", "\r\n", "\n"];
        var random = new Random(seed);
        string Space() => random.Next(40) == 0 ? "\u000b" : spaces[random.Next(spaces.Length)];
        string Name(int i) => random.Next(10) == 0 ? oddNames[random.Next(oddNames.Length)] : $"\"n{i}\"";
        var members = Enumerable.Range(0, random.Next(1, 4))
            .Select(i => $"{Space()}{Name(i)}{Space()}:{Space()}{values[random.Next(values.Length)]}{Space()}");
        AssertSameAsStrict(Encoding.UTF8.GetBytes($$"""{{Space()}}{"id":"L-1",{{Space()}}"attributes":{{Space()}}{{{string.Join(",", members)}}}{{Space()}}}{{Space()}}"""));
    }

    [Property(MaxTest = 500)]
    public void Strings_with_a_stop_byte_anywhere_parse_as_the_strict_parser_parses_them(Seed seed)
    {
        // The fast path tests a string's first 32 bytes inline and searches the rest: a closing quote, escape, control
        // or non-ASCII byte just before, at or after that edge must end the plain string exactly as the strict parser says.
        byte[] stops = [(byte)'"', (byte)'\\', 0x01, 0x1F, 0x7F, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xFF];
        var random = new Random(seed);
        string Body()
        {
            var bytes = new List<byte>();
            for (int n = random.Next(0, 80); n > 0; n--)
            {
                bytes.Add((byte)random.Next('a', 'z' + 1));
            }

            for (int k = random.Next(0, 3); k > 0; k--)
            {
                int at = random.Next(4) == 0 ? Math.Min(bytes.Count, 30 + random.Next(4)) : random.Next(bytes.Count + 1);
                bytes.Insert(at, stops[random.Next(stops.Length)]);
            }

            return Encoding.Latin1.GetString([.. bytes]);
        }

        string json = $$"""{"id":"L-1","attributes":{"title":"{{Body()}}"},"activities":[{"type":"{{Body()}}","at":"2026-06-14T00:00:00Z","tag":"{{Body()}}"}]}""";
        AssertSameAsStrict(Encoding.Latin1.GetBytes(json));
    }

    [Property(MaxTest = 1000)]
    public void Compact_activities_with_any_byte_changed_parse_as_the_strict_parser_parses_them(Seed seed)
    {
        // The layout the fast path matches a few bytes at a time, {"type":"…","at":"…","tag":"…"}, with whole-second
        // timestamps: any byte of an activity replaced, inserted or removed (a quote, an escape, a digit's neighbour, a
        // separator, whitespace, a non-ASCII byte) must give what the strict parser gives.
        var random = new Random(seed);
        string[] types = ["email_open", "EMAIL_OPEN", "page_view", "x", "", "caf\\u00e9", "café"];
        string[] stamps = ["2026-06-14T09:30:00Z", "2026-06-14t09:30:00z", "2026-06-14T09:30:00+02:00", "2026-06-14T09:30:00-14:00", "2026-02-29T00:00:00Z", "2024-02-29T23:59:59+00:00", "2026-06-14T09:30Z", "2026-06-14T09:30:00.5Z", "2026-06-14T09:30:00+0200"];
        string[] tags = [",\"tag\":\"/pricing\"", ",\"tag\":null", "", ",\"tag\":\"\"", ",\"tag\":\"né\"", ",\"tag\":\"a\\\"b\"", ",\"tag\":nul"];
        byte[] alphabet = [.. "\"\\,:{}[] 0123456789-+TtZz.n"u8, 0x01, 0x7F, 0xC3, 0xA9, 0xFF];
        string Activity() => $$"""{"type":"{{types[random.Next(types.Length)]}}","at":"{{stamps[random.Next(stamps.Length)]}}"{{tags[random.Next(tags.Length)]}}}""";
        var activities = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Activity()).ToArray();
        byte[] json = Encoding.UTF8.GetBytes($$"""{"id":"L-1","activities":[{{string.Join(",", activities)}}]}""");
        AssertSameAsStrict(json);
        int start = Encoding.UTF8.GetByteCount("""{"id":"L-1","activities":[""");
        for (int m = 0; m < 20; m++)
        {
            var bytes = new List<byte>(json);
            int at = start + random.Next(json.Length - start - 2);
            byte other = alphabet[random.Next(alphabet.Length)];
            switch (random.Next(3))
            {
                case 0:
                    bytes[at] = other;
                    break;
                case 1:
                    bytes.Insert(at, other);
                    break;
                default:
                    bytes.RemoveAt(at);
                    break;
            }

            AssertSameAsStrict([.. bytes]);
        }
    }

    [Theory]
    [InlineData("""{"id":"L-1"}""")]
    [InlineData(""" { "id" : "L-1" , "attributes" : { } , "activities" : [ ] } """)]
    [InlineData("""{"id":"L-1","attributes":null,"activities":null,"outcome":null}""")]
    [InlineData("""{"id":"L-1","attributes":{"n":-0,"m":0.5e-3,"k":1E+5,"j":-12.25,"big":1e308}}""")]
    [InlineData("""{"id":"L-1","attributes":{"inf":1e400}}""")]
    [InlineData("""{"id":"L-1","attributes":{"n":01}}""")]
    [InlineData("""{"id":"L-1","attributes":{"n":1.}}""")]
    [InlineData("""{"id":"L-1","attributes":{"n":.5}}""")]
    [InlineData("""{"id":"L-1","attributes":{"n":+1}}""")]
    [InlineData("""{"id":"L-1","attributes":{"t":tru}}""")]
    [InlineData("""{"id":"L-1","attributes":{"t":truex}}""")]
    [InlineData("""{"id":"L-1","attributes":{"a":"x","A":"y"}}""")]
    [InlineData("""{"id":"L-1","attributes":{"":"x"}}""")]
    [InlineData("""{"id":"L-1","attributes":{"a":{"nested":1}}}""")]
    [InlineData("""{"id":"L-1","attributes":{"name":"Zoë \u00e9"}}""")]
    [InlineData("""{"id":"","attributes":{}}""")]
    [InlineData("""{"id":"L-1","id":"L-2"}""")]
    [InlineData("""{"id":"L-1","activities":[{"type":"a","at":"2026-06-14T00:00:00+02:00","tag":null}]}""")]
    [InlineData("""{"id":"L-1","activities":[{"type":"a","at":"2026-06-14T00:00:00"}]}""")]
    [InlineData("""{"id":"L-1","activities":[{"type":"a"}]}""")]
    [InlineData("""{"id":"L-1","activities":[{}]}""")]
    [InlineData("""{"id":"L-1","activities":[{"type":"a","at":"2026-06-14T00:00:00Z","type":"b"}]}""")]
    [InlineData("""{"id":"L-1","activities":[{"type":"","at":"2026-06-14T00:00:00Z"}]}""")]
    [InlineData("""{"id":"L-1","activities":[{"type":"a","at":"2026-06-14T00:00:00Z","extra":1}]}""")]
    [InlineData("""{"id":"L-1","activities":[{"type":"a","at":"2026-06-14T00:00:00Z"},]}""")]
    [InlineData("""{"id":"L-1","outcome":{"result":"won","at":"2026-06-14T00:00:00Z"}}""")]
    [InlineData("""{"id":"L-1","outcome":{"result":"WON","at":"2026-06-14T00:00:00Z"}}""")]
    [InlineData("""{"id":"L-1","outcome":{"result":"lost"}}""")]
    [InlineData("""{"id":"L-1"} {"id":"L-2"}""")]
    [InlineData("""{"id":"L-1"}x""")]
    [InlineData("""{"id":"L-1",}""")]
    [InlineData("""{"ID":"L-1"}""")]
    [InlineData("""["L-1"]""")]
    [InlineData("")]
    public void Edge_cases_parse_as_the_strict_parser_parses_them(string json)
    {
        AssertSameAsStrict(Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public void Control_characters_and_invalid_utf8_inside_strings_parse_as_the_strict_parser_parses_them()
    {
        foreach (byte bad in new byte[] { 0x00, 0x09, 0x1F, 0x80, 0xC3, 0xFF })
        {
            foreach (string where in new[] { "id", "name", "value", "type", "tag" })
            {
                byte[] json = [.. """{"id":"L-1","attributes":{"name":"value"},"activities":[{"type":"type","at":"2026-06-14T00:00:00Z","tag":"tag"}]}"""u8];
                string text = Encoding.ASCII.GetString(json);
                int at = text.IndexOf(where == "id" ? "L-1" : $"\"{where}\"", StringComparison.Ordinal) + (where == "id" ? 1 : 2);
                json[at] = bad;
                AssertSameAsStrict(json);
            }
        }
    }

    private static void AssertSameAsStrict(byte[] json)
    {
        var strict = new Lead("-");
        bool strictOk = LeadJson.TryParseStrict(json, strict, out string? strictError);
        var parsed = new Lead("-");
        bool ok = LeadJson.TryParse(json, parsed, out string? error);
        Assert.True(strictOk == ok, $"{Encoding.UTF8.GetString(json)}: strict {strictOk} ({strictError}), fast path {ok} ({error})");
        Assert.Equal(strictError, error);
        if (ok)
        {
            Assert.Equal(Describe(strict), Describe(parsed));
        }
    }

    // Every part of a lead, numbers to the bit (an out-of-range number reads as infinity, which JSON cannot write back).
    private static string Describe(Lead lead) =>
        $"{lead.Id}|" +
        string.Join(";", lead.Attributes.ToArray().Select(a => $"{a.Name}={a.Value.Kind}:{a.Value.Kind switch
        {
            AttributeKind.Number => BitConverter.DoubleToInt64Bits(a.Value.NumberValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
            AttributeKind.String => a.Value.StringValue,
            AttributeKind.Boolean => a.Value.BooleanValue.ToString(),
            _ => "",
        }}")) + "|" +
        string.Join(";", lead.Activities.ToArray().Select(a => $"{a.Type}@{a.At:O}#{a.Tag ?? "(none)"}")) +
        $"|{lead.Outcome?.IsWon}@{lead.Outcome?.At:O}";

    private static byte[] Mutate(byte[] json, Random random)
    {
        var bytes = new List<byte>(json);
        for (int edits = random.Next(1, 4); edits > 0; edits--)
        {
            int at = random.Next(bytes.Count + 1);
            if (random.Next(2) == 0)
            {
                // Half the edits land where a value or name starts (after ':', ',', '[' or '{'), where number, literal
                // and whitespace handling are decided.
                int boundary = at < bytes.Count ? bytes.FindIndex(at, b => b is (byte)':' or (byte)',' or (byte)'[' or (byte)'{') : -1;
                at = boundary < 0 ? at : boundary + 1;
            }

            byte inserted = Alphabet[random.Next(Alphabet.Length)];
            switch (random.Next(3))
            {
                case 0:
                    bytes.Insert(at, inserted);
                    break;
                case 1 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                default:
                    if (at < bytes.Count)
                    {
                        bytes[at] = inserted;
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
