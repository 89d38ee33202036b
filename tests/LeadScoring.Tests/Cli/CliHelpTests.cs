using LeadScoring.Cli;

namespace LeadScoring.Tests.Cli;

/// <summary>What a person at a terminal gets: help per command, the version, and suggestions for typos.</summary>
public sealed class CliHelpTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CommandLine.Run(args, new MemoryStream(), new MemoryStream(), output, error, TimeProvider.System);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("score", "--explain")]
    [InlineData("calibrate", "--points-to-double-odds")]
    [InlineData("diff", "--fail-if-auc-drops")]
    [InlineData("validate", "valid (NAME VERSION, N rules)")]
    public void Each_command_explains_itself_with_help(string command, string mentions)
    {
        foreach (var args in new[] { new[] { command, "--help" }, [command, "--rules", "x", "-h"], ["help", command] })
        {
            var (exit, output, error) = Run(args);
            Assert.Equal(0, exit);
            Assert.Equal("", error);
            Assert.StartsWith($"usage: leadscore {command}", output, StringComparison.Ordinal);
            Assert.Contains(mentions, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_names_the_tool_the_library_and_the_format()
    {
        var (exit, output, _) = Run("--version");
        Assert.Equal(0, exit);
        Assert.Matches(@"^leadscore \d+\.\d+\.\d+\S* \(LeadScoring \d+\.\d+\.\d+\S*, formats version 1\.1\)", output);
    }

    [Theory]
    [InlineData(new[] { "scroe" }, "unknown command 'scroe' (did you mean 'score'?)")]
    [InlineData(new[] { "calibrate", "--rules", "default", "--hold-out", "0.2" }, "unknown option '--hold-out' (did you mean '--holdout'?)")]
    [InlineData(new[] { "score", "--rules", "default", "--explian" }, "unknown option '--explian' (did you mean '--explain'?)")]
    public void Typos_get_a_suggestion_and_the_commands_usage(string[] args, string message)
    {
        var (exit, _, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
        Assert.Contains("leadscore " + (args[0] == "scroe" ? "validate" : args[0]), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_format_is_a_readable_table_with_descriptions_and_the_next_stage()
    {
        var output = new MemoryStream();
        var error = new StringWriter();
        string lead = """{"id":"L-1","attributes":{"email":"ann@acme.io","jobTitle":"VP Sales"},"activities":[{"type":"demo_requested","at":"2026-10-30T10:00:00Z"}]}""";
        int exit = CommandLine.Run(
            ["score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z", "--format", "text"],
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lead)), output, TextWriter.Null, error, TimeProvider.System);
        Assert.True(exit == 0, error.ToString());
        string text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith("L-1: score 40 (fit 15, engagement 25), stage MQL, grade C\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  \+25 +hand-raiser +onlineBehaviour +Asked for a demo", text);
        Assert.Contains("\n  next stage SQL: needs 25 more score, its condition to hold\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_is_bad_usage()
    {
        var (exit, _, error) = Run("score", "--rules", "default", "--format", "xml");
        Assert.Equal(2, exit);
        Assert.Contains("--format: expected json or text, got 'xml'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_terminal_sees_progress_that_is_cleared_at_the_end_and_the_output_does_not()
    {
        string leads = string.Concat(Enumerable.Range(0, 20_000).Select(i => $$"""{"id":"L-{{i}}"}""" + "\n"));
        var output = new MemoryStream();
        var error = new StringWriter();
        int exit = CommandLine.Run(
            ["score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z"],
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(leads)), output, TextWriter.Null, error, new FastClock(), errorIsTerminal: true);
        Assert.Equal(0, exit);
        Assert.Contains("\rscored ", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(20_000, System.Text.Encoding.UTF8.GetString(output.ToArray()).Count(c => c == '\n'));

        var quiet = new StringWriter();
        CommandLine.Run(["score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z"], new MemoryStream(System.Text.Encoding.UTF8.GetBytes(leads)), new MemoryStream(), TextWriter.Null, quiet, new FastClock());
        Assert.Equal("", quiet.ToString()); // not a terminal: no progress
    }

    /// <summary>A clock whose every reading is two seconds after the last, so progress shows at every batch.</summary>
    private sealed class FastClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += 2 * TimeSpan.TicksPerSecond;
    }
}
