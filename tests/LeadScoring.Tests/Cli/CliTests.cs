using System.Text;
using LeadScoring.Cli;
using LeadScoring.Tests.Support;


namespace LeadScoring.Tests.Cli;

/// <summary>SPEC section 5: the leadscore tool's commands, output, exit codes and errors.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("leadscore-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Exit, string Output, string Error) Run(string[] args, string input = "", TimeProvider? clock = null)
    {
        var stdout = new MemoryStream();
        var textOut = new StringWriter();
        var error = new StringWriter();
        int exit = CommandLine.Run(args, new MemoryStream(Encoding.UTF8.GetBytes(input)), stdout, textOut, error, clock ?? TimeProvider.System);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()) + textOut, error.ToString());
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Validate_accepts_a_valid_rule_set_and_the_built_in_one()
    {
        var (exit, output, _) = Run(["validate", Write("r.json", TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 1, "when": { "all": [] } }"""))]);
        Assert.Equal(0, exit);
        Assert.Contains("valid", output, StringComparison.Ordinal);
        Assert.Equal(0, Run(["validate", "default"]).Exit);
    }

    [Fact]
    public void Validate_lists_every_error_prefixed_with_the_file()
    {
        string path = Write("bad.json", """{ "schemaVersion": 1, "rules": [ { "id": "a", "category": "x", "points": "y", "when": {} } ] }""");
        var (exit, _, error) = Run(["validate", path]);
        Assert.Equal(1, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith($"{path}: $.rules[0].", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Score_streams_one_line_per_lead_in_order_from_stdin()
    {
        string input = "{\"id\":\"b\"}\n\n{\"id\":\"a\",\"attributes\":{\"jobTitle\":\"VP\",\"employees\":300}}\r\n";
        var (exit, output, error) = Run(["score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z"], input);
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"id\":\"b\",\"score\":0,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("{\"id\":\"a\",\"score\":30,\"fit\":30,\"engagement\":0,\"stage\":null,\"grade\":\"B\",\"disqualifiedBy\":[],\"categories\":{\"demographic\":15,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("\"rules\"", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void Explain_adds_rule_contributions()
    {
        var (exit, output, _) = Run(["score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z", "--explain"], "{\"id\":\"a\",\"attributes\":{\"jobTitle\":\"VP\"}}");
        Assert.Equal(0, exit);
        Assert.EndsWith("\"rules\":[{\"id\":\"executive-title\",\"category\":\"demographic\",\"points\":15}]}\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_as_of_the_current_utc_time_is_used_and_printed()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));
        var (exit, _, error) = Run(["score", "--rules", "default"], "{\"id\":\"a\"}", clock);
        Assert.Equal(0, exit);
        Assert.Contains("as-of 2026-11-22T09:30:00Z", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_lead_fails_with_file_and_line_and_leaves_no_output_file()
    {
        string input = Write("leads.jsonl", "{\"id\":\"a\"}\n{\"id\":\"b\",\"activities\":[{\"type\":\"t\",\"at\":\"2026-01-01\"}]}\n{\"id\":\"c\"}\n{\"id\":3}\n");
        string output = Path.Combine(_directory, "out.jsonl");
        var (exit, _, error) = Run(["score", "--rules", "default", "--input", input, "--output", output, "--as-of", "2026-11-01T00:00:00Z"]);
        Assert.Equal(1, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{input}:2: lead 'b': $.activities[0].at:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{input}:4: $.id:", lines[1], StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void A_failed_run_keeps_an_existing_output_file_untouched()
    {
        string output = Write("out.jsonl", "previous results\n");
        var (exit, _, _) = Run(["score", "--rules", "default", "--output", output, "--as-of", "2026-11-01T00:00:00Z"], "not json\n");
        Assert.Equal(1, exit);
        Assert.Equal("previous results\n", File.ReadAllText(output));
    }

    [Fact]
    public void A_successful_run_replaces_the_output_file_whole()
    {
        string output = Write("out.jsonl", "previous results\n");
        var (exit, _, _) = Run(["score", "--rules", "default", "--output", output, "--as-of", "2026-11-01T00:00:00Z"], "{\"id\":\"a\"}\n{\"id\":\"b\"}");
        Assert.Equal(0, exit);
        Assert.Equal(2, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void An_invalid_rule_set_fails_score_with_exit_1()
    {
        string rules = Write("r.json", "{ \"schemaVersion\": 1,\n \"rules\": [ }");
        var (exit, _, error) = Run(["score", "--rules", rules], "{\"id\":\"a\"}");
        Assert.Equal(1, exit);
        Assert.StartsWith($"{rules}: $.rules: line 2, column ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "no command")]
    [InlineData(new[] { "rank" }, "unknown command 'rank'")]
    [InlineData(new[] { "validate" }, "exactly one rule-set file")]
    [InlineData(new[] { "validate", "a.json", "b.json" }, "exactly one rule-set file")]
    [InlineData(new[] { "score" }, "needs --rules")]
    [InlineData(new[] { "score", "--rules" }, "--rules needs a value")]
    [InlineData(new[] { "score", "--rules", "default", "--explain=yes" }, "--explain takes no value")]
    [InlineData(new[] { "score", "--rules", "default", "--verbose" }, "unknown option '--verbose'")]
    [InlineData(new[] { "score", "--rules", "default", "--rules", "default" }, "given twice")]
    [InlineData(new[] { "score", "--rules", "default", "extra" }, "unexpected argument 'extra'")]
    [InlineData(new[] { "score", "--rules", "default", "--as-of", "yesterday" }, "--as-of")]
    [InlineData(new[] { "score", "--rules", "/no/such/rules.json" }, "cannot read rule set")]
    [InlineData(new[] { "score", "--rules", "default", "--input", "/no/such/leads.jsonl" }, "cannot read input")]
    [InlineData(new[] { "score", "--rules", "default", "--output", "/no/such/dir/out.jsonl" }, "cannot write output")]
    [InlineData(new[] { "validate", "/no/such/rules.json" }, "cannot read rule set")]
    public void Bad_usage_exits_2_with_a_message(string[] args, string message)
    {
        var (exit, _, error) = Run(args, "{\"id\":\"a\"}");
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_and_a_missing_final_newline_are_fine_and_dash_means_standard_streams()
    {
        var (exit, output, error) = Run(["score", "--rules", "default", "--input", "-", "--output", "-", "--as-of", "2026-11-01T00:00:00Z"], "\uFEFF{\"id\":\"a\"}\n{\"id\":\"b\"}");
        Assert.True(exit == 0, error);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Help_prints_usage_and_succeeds()
    {
        var (exit, output, _) = Run(["--help"]);
        Assert.Equal(0, exit);
        Assert.Contains("leadscore score --rules", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_and_many_leads_stream_through()
    {
        var input = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            input.Append("{\"id\":\"L").Append(i).Append("\",\"attributes\":{\"note\":\"").Append('x', i * 50).Append("\"}}\n");
        }

        var (exit, output, error) = Run(["score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z"], input.ToString());
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2000, lines.Length);
        Assert.StartsWith("{\"id\":\"L1999\"", lines[^1], StringComparison.Ordinal);
    }
}
