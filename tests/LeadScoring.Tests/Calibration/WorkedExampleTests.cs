using System.Text;
using System.Text.Json;
using LeadScoring.Cli;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Calibration;

/// <summary>The README's worked example, run as written (in-process), so that the numbers it quotes stay true.</summary>
public sealed class WorkedExampleTests : IDisposable
{
    private static readonly string History = Path.Combine(TestPaths.Samples, "history.jsonl");
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static (int Exit, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        int exit = CommandLine.Run(args, Stream.Null, Stream.Null, TextWriter.Null, error, TimeProvider.System);
        return (exit, error.ToString());
    }

    [Fact]
    public void The_history_lists_undecided_leads_first_then_decided_ones_by_outcome_date()
    {
        var lines = File.ReadAllLines(History);
        Assert.Equal(1120, lines.Length);
        var outcomes = lines.Select(l => LeadJson.Parse(l).Outcome).ToList();
        Assert.All(outcomes.Take(120), o => Assert.Null(o));
        var decided = outcomes.Skip(120).Select(o => o!.Value.At).ToList();
        Assert.Equal(decided.Order(), decided);
    }

    [Fact]
    public void The_suggestion_separates_won_from_lost_better_as_the_readme_says()
    {
        string report = _folder.File("report.json"), suggested = _folder.File("suggested.json");
        var (exit, error) = Run("calibrate", "--rules", "default", "--input", History, "--holdout", "0.25", "--lead-time-days", "7", "--output", report, "--suggest", suggested);
        Assert.True(exit == 0, error);
        Assert.StartsWith("calibrate: 1000 decided leads (195 won, 805 lost, 120 undecided), base rate 0.195", error, StringComparison.Ordinal);
        Assert.Contains("AUC score 0.723, fit 0.665, engagement 0.655; model on test 0.71 (750 training, 250 test leads)", error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllBytes(report));
        var replies = document.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "email-replies");
        Assert.Equal(28.6, Math.Round(replies.GetProperty("suggestedPoints").GetDouble(), 1));
        Assert.Equal(42.4, Math.Round(document.RootElement.GetProperty("bestThreshold").GetProperty("score").GetDouble(), 1));

        // The test set is the file's last 250 lines.
        string test = _folder.File("test.jsonl");
        File.WriteAllLines(test, File.ReadAllLines(History)[^250..], Encoding.UTF8);
        string diffTest = _folder.File("diff-test.json"), diff = _folder.File("diff.json");
        Assert.Equal(0, Run("diff", "--rules", "default", "--candidate", suggested, "--input", test, "--as-of", "2026-11-30T00:00:00Z", "--lead-time-days", "7", "--output", diffTest).Exit);
        Assert.Equal(0, Run("diff", "--rules", "default", "--candidate", suggested, "--input", History, "--as-of", "2026-11-30T00:00:00Z", "--lead-time-days", "7", "--output", diff, "--fail-if-auc-drops").Exit);

        AssertAucs(diffTest, 0.641, 0.701);
        AssertAucs(diff, 0.723, 0.791);
    }

    private static void AssertAucs(string path, double old, double @new)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var outcomes = document.RootElement.GetProperty("outcomes");
        Assert.Equal(old, Math.Round(outcomes.GetProperty("aucOld").GetDouble(), 3));
        Assert.Equal(@new, Math.Round(outcomes.GetProperty("aucNew").GetDouble(), 3));
    }
}
