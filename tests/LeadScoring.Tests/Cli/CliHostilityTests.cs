using System.Diagnostics;
using System.Text;
using LeadScoring.Cli;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Cli;

/// <summary>The tool under hostile conditions: interrupted runs, huge lines and leads, NUL bytes, CRLF.</summary>
public sealed class CliHostilityTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Cli => Path.Combine(AppContext.BaseDirectory, "leadscore.dll");

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void An_interrupted_run_leaves_neither_a_partial_output_nor_a_temporary_file(string signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Fail("signals need a Unix system; this suite runs on Linux in CI");
        }

        string output = _folder.File("out.jsonl");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [Cli, "score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z", "--output", output])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.StandardInput.WriteLine("""{"id":"L-1","attributes":{"jobTitle":"VP"}}""");
        process.StandardInput.Flush();
        WaitFor(() => _folder.Files().Any(f => f.EndsWith(".tmp", StringComparison.Ordinal)), "the temporary output file");

        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(30_000), "the tool did not stop");
        Assert.NotEqual(0, process.ExitCode);
        Assert.Empty(_folder.Files()); // no out.jsonl, no .out.jsonl.*.tmp
    }

    [Fact]
    public void A_lead_with_200000_activities_in_one_line_scores_like_the_library()
    {
        var line = new StringBuilder("""{"id":"big","activities":[""");
        for (int i = 0; i < 200_000; i++)
        {
            line.Append(i == 0 ? "" : ",").Append("""{"type":"email_open","at":"2026-10-01T00:00:00Z","tag":"nl"}""");
        }

        line.Append("]}\r\n");
        var stdout = new MemoryStream();
        var error = new StringWriter();
        int exit = CommandLine.Run(["score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z"], new MemoryStream(Encoding.UTF8.GetBytes(line.ToString())), stdout, TextWriter.Null, error, TimeProvider.System);
        Assert.True(exit == 0, error.ToString());
        var expected = ScoringModel.Default.Score(LeadJson.Parse(line.ToString().TrimEnd()), DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"\"score\":{expected.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", Encoding.UTF8.GetString(stdout.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Nul_bytes_and_crlf_line_ends_give_exact_errors_and_results()
    {
        byte[] input = [.. "{\"id\":\"a\"}\r\n"u8, .. "{\"id\":\"b\0\"}\r\n"u8, 0, .. "\r\n{\"id\":\"c\"}"u8];
        var stdout = new MemoryStream();
        var error = new StringWriter();
        int exit = CommandLine.Run(["score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z"], new MemoryStream(input), stdout, TextWriter.Null, error, TimeProvider.System);
        Assert.Equal(1, exit);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("<stdin>:2: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("<stdin>:3: ", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain('\0', error.ToString());
        Assert.Equal(["a", "c"], Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[7..8]));
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"timed out waiting for {what}");
            Thread.Sleep(20);
        }
    }
}
