using System.Text;
using LeadScoring.Cli;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Validation;

/// <summary>
/// Input that parses as JSON but is not text (invalid UTF-8, unpaired surrogate escapes), and values too long to
/// echo: every reader turns them into its own error, with a path, on one short line; nothing escapes as a crash.
/// </summary>
public sealed class HostileInputTests
{
    private static byte[] Bytes(string text, params (string Marker, byte[] Replacement)[] patches)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var (marker, replacement) in patches)
        {
            int at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker));
            bytes = [.. bytes[..at], .. replacement, .. bytes[(at + marker.Length)..]];
        }

        return bytes;
    }

    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xFF];

    public static TheoryData<string, byte[], string> BrokenRuleSets => new()
    {
        { "invalid UTF-8 in an id", Bytes(TestRuleSets.Json("""{ "id": "BAD", "category": "demographic", "points": 1, "when": { "all": [] } }"""), ("BAD", InvalidUtf8)), "$.rules[0].id" },
        { "invalid UTF-8 in a property name", Bytes(TestRuleSets.Json("""{ "id": "a", "BAD": 1, "category": "demographic", "points": 1, "when": { "all": [] } }"""), ("BAD", InvalidUtf8)), "$.rules[0]" },
        { "a lone surrogate in a regex", Encoding.UTF8.GetBytes(TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 1, "when": { "field": "email", "op": "matches", "value": "x\udfffy" } }""")), "$.rules[0].when.value" },
        { "a lone surrogate in a category", Encoding.UTF8.GetBytes(TestRuleSets.Json("""{ "id": "a", "category": "\ud800", "points": 1, "when": { "all": [] } }""")), "$.rules[0].category" },
        { "a lone surrogate in a property name", Encoding.UTF8.GetBytes("""{ "schemaVersion": 1, "\udc00": 1, "rules": [] }"""), "$" },
    };

    [Theory]
    [MemberData(nameof(BrokenRuleSets))]
    public void A_rule_set_that_is_not_text_is_an_error_with_a_path_line_and_column(string what, byte[] json, string path)
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.FromJson(json));
        var error = Assert.Single(ex.Errors);
        Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
        Assert.DoesNotContain('\n', error.ToString());
        _ = what;
    }

    [Fact]
    public void The_cli_reports_such_a_rule_set_with_exit_1_and_no_stack_trace()
    {
        using var folder = new TemporaryFolder();
        string file = folder.File("bad.json");
        File.WriteAllBytes(file, Bytes(TestRuleSets.Json("""{ "id": "BAD", "category": "demographic", "points": 1, "when": { "all": [] } }"""), ("BAD", InvalidUtf8)));
        var error = new StringWriter();
        Assert.Equal(1, CommandLine.Run(["validate", file], Stream.Null, Stream.Null, TextWriter.Null, error, TimeProvider.System));
        Assert.StartsWith($"{file}: $.rules[0].id: line ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);

        Assert.False(RuleSetSource.FromFile(file).TryLoad(out _, out var problems)); // what a hosted reload reports
        Assert.Contains("$.rules[0].id", Assert.Single(problems), StringComparison.Ordinal);
    }

    public static TheoryData<byte[], string> BrokenLeads => new()
    {
        { Bytes("""{"id":"L-1","attributes":{"jobTitle":"BAD"}}""", ("BAD", InvalidUtf8)), "lead 'L-1': $.attributes.jobTitle: invalid text" },
        { Encoding.UTF8.GetBytes("""{"id":"L-1","attributes":{"\udfff":1}}"""), "lead 'L-1': $.attributes['\\\\udfff']: invalid text" }, // the name as written, escaped
        { Encoding.UTF8.GetBytes("""{"id":"\ud800","activities":[]}"""), "$.id: invalid text" },
        { Bytes("""{"id":"L-2","activities":[{"type":"page_view","at":"2026-01-01T00:00:00Z","tag":"BAD"}]}""", ("BAD", InvalidUtf8)), "lead 'L-2': $.activities[0].tag: invalid text" },
        { Bytes("""{"id":"L-3","outcome":{"result":"BAD","at":"2026-01-01T00:00:00Z"}}""", ("BAD", InvalidUtf8)), "lead 'L-3': $.outcome.result: expected \"won\" or \"lost\", got a string '" },
    };

    [Theory]
    [MemberData(nameof(BrokenLeads))]
    public void A_lead_that_is_not_text_is_an_error_with_its_path(byte[] json, string expected)
    {
        Assert.False(LeadJson.TryParse(json, new Lead("x"), out string? error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        var ex = Assert.Throws<LeadFormatException>(() => LeadJson.Parse(json));
        Assert.Contains(expected[(expected.IndexOf('$', StringComparison.Ordinal))..], ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_megabyte_value_is_quoted_as_a_short_prefix_with_its_length()
    {
        string huge = new('x', 10_000_000);
        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.FromJson(
            TestRuleSets.Json($$"""{ "id": "a", "category": "{{huge}}", "points": 1, "when": { "all": [] } }""")));
        string message = Assert.Single(ex.Errors).ToString();
        Assert.True(message.Length < 300, message);
        Assert.Contains("'xxxxxxxxxx", message, StringComparison.Ordinal);
        Assert.Contains("(10000000 characters)", message, StringComparison.Ordinal);

        var number = Assert.Throws<RuleSetValidationException>(() => ScoringModel.FromJson(
            TestRuleSets.Json($$"""{ "id": "a", "category": "demographic", "points": 1{{new string('0', 1_000_000)}}, "when": { "all": [] } }""")));
        Assert.True(number.Errors[0].ToString().Length < 300);

        Assert.False(LeadJson.TryParse(Encoding.UTF8.GetBytes($$"""{"id":"L","{{huge}}":1}"""), new Lead("x"), out string? leadError));
        Assert.True(leadError!.Length < 400, leadError);
    }

    [Fact]
    public void Every_error_is_one_line_even_when_names_hold_line_breaks()
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.FromJson(
            TestRuleSets.Json("""{ "id": "a", "cat\negory": "x", "points": 1, "when": { "all": [] } }""")));
        Assert.All(ex.Errors, e => Assert.DoesNotContain('\n', e.ToString()));
        Assert.Contains(ex.Errors, e => e.Path == "$.rules[0]['cat\\negory']");

        Assert.False(LeadJson.TryParse("{\"id\":\"L\\n1\",\"x\\ny\":1}"u8, new Lead("x"), out string? error));
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith("lead 'L\\n1': $['x\\ny']: unknown property 'x\\ny'", error, StringComparison.Ordinal);
    }
}
