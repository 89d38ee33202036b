using System.Text;
using System.Text.Json;
using LeadScoring.Cli;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Cli;

/// <summary>SPEC sections 5-7 at the command line: calibrate and diff, their files, exit codes and degenerate inputs.</summary>
public sealed class CalibrateAndDiffCliTests : IDisposable
{
    private const string Rules = """
        { "schemaVersion": 1, "rules": [
            { "id": "demo", "category": "onlineBehaviour", "points": 10, "when": { "activity": "demo_request" } },
            { "id": "views", "category": "onlineBehaviour", "points": 2, "each": { "activity": "page_view" } } ],
          "stages": [ { "name": "MQL", "minScore": 10 } ] }
        """;

    private const string Candidate = """
        { "schemaVersion": 1, "rules": [
            { "id": "demo", "category": "onlineBehaviour", "points": 10, "when": { "activity": "demo_request" } },
            { "id": "pricing", "category": "onlineBehaviour", "points": 20, "when": { "activity": "pricing_view" } } ],
          "stages": [ { "name": "MQL", "minScore": 10 } ] }
        """;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string LeadLine(string id, string? result, params string[] activityTypes)
    {
        string activities = string.Join(",", activityTypes.Select(t => $$"""{"type":"{{t}}","at":"2026-01-05T00:00:00Z"}"""));
        string outcome = result is null ? "" : $$""","outcome":{"result":"{{result}}","at":"2026-01-10T00:00:00Z"}""";
        return $$"""{"id":"{{id}}","activities":[{{activities}}]{{outcome}}}""";
    }

    private static string History => string.Join('\n',
        LeadLine("w1", "won", "demo_request", "page_view"),
        LeadLine("w2", "won", "demo_request"),
        LeadLine("w3", "won", "page_view", "pricing_view"),
        LeadLine("l1", "lost", "page_view"),
        LeadLine("l2", "lost", "pricing_view"),
        LeadLine("l3", "lost"),
        LeadLine("open", null, "demo_request"));

    private (int Exit, string Output, string Error) Run(string input, params string[] args)
    {
        var stdout = new MemoryStream();
        var error = new StringWriter();
        int exit = CommandLine.Run(args, new MemoryStream(Encoding.UTF8.GetBytes(input)), stdout, TextWriter.Null, error, TimeProvider.System);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), error.ToString());
    }

    private string Write(string name, string content)
    {
        File.WriteAllText(_folder.File(name), content);
        return _folder.File(name);
    }

    [Fact]
    public void Calibrate_writes_the_report_to_standard_output_and_a_verdict_to_standard_error()
    {
        var (exit, output, error) = Run(History, "calibrate", "--rules", Write("rules.json", Rules));
        Assert.True(exit == 0, error);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(6, report.RootElement.GetProperty("leads").GetInt32());
        Assert.Equal(1, report.RootElement.GetProperty("undecided").GetInt32());
        Assert.Contains("\n  \"leads\": 6,", output, StringComparison.Ordinal); // indented
        Assert.Contains("AUC score", error, StringComparison.Ordinal);
        Assert.Contains("highest lift:", error, StringComparison.Ordinal);
        Assert.Contains("MQL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibrate_writes_suggested_and_calibrated_rule_sets_that_load()
    {
        string rules = Write("rules.json", Rules);
        var (exit, _, error) = Run(History, "calibrate", "--rules", rules, "--output", _folder.File("r.json"), "--suggest", _folder.File("s.json"), "--calibrated", _folder.File("c.json"));
        Assert.True(exit == 0, error);
        Assert.Equal(["c.json", "r.json", "rules.json", "s.json"], _folder.Files());
        Assert.NotNull(ScoringModel.FromFile(_folder.File("s.json")));
        Assert.NotNull(ScoringModel.FromFile(_folder.File("c.json")).Score(new Lead("x"), DateTimeOffset.UnixEpoch).Probability);
    }

    [Fact]
    public void Calibrate_without_a_decided_lead_exits_1()
    {
        var (exit, output, error) = Run(LeadLine("open", null), "calibrate", "--rules", Write("rules.json", Rules), "--output", _folder.File("r.json"));
        Assert.Equal(1, exit);
        Assert.Contains("no decided lead", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Equal(["rules.json"], _folder.Files());
    }

    [Fact]
    public void Asking_for_suggestions_without_a_model_exits_1_and_writes_nothing()
    {
        string wonOnly = string.Join('\n', LeadLine("w1", "won", "demo_request"), LeadLine("w2", "won"));
        var (exit, _, error) = Run(wonOnly, "calibrate", "--rules", Write("rules.json", Rules), "--output", _folder.File("r.json"), "--suggest", _folder.File("s.json"));
        Assert.Equal(1, exit);
        Assert.Contains("no model", error, StringComparison.Ordinal);
        Assert.Equal(["rules.json"], _folder.Files());

        // Without --suggest the same input is fine: the report says there is no model.
        var (ok, output, _) = Run(wonOnly, "calibrate", "--rules", _folder.File("rules.json"));
        Assert.Equal(0, ok);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(output).RootElement.GetProperty("model").ValueKind);
    }

    [Fact]
    public void An_invalid_lead_is_reported_with_its_line_and_nothing_is_written()
    {
        string input = History + "\n{\"id\":\"bad\",\"outcome\":{\"result\":\"Won\",\"at\":\"2026-01-10T00:00:00Z\"}}\n" + LeadLine("w9", "won");
        string rules = Write("rules.json", Rules);
        var (exit, output, error) = Run(input, "calibrate", "--rules", rules, "--output", _folder.File("r.json"), "--suggest", _folder.File("s.json"));
        Assert.Equal(1, exit);
        Assert.StartsWith("<stdin>:8: ", error, StringComparison.Ordinal);
        Assert.Equal(["rules.json"], _folder.Files());

        (exit, output, error) = Run(input, "diff", "--rules", rules, "--candidate", rules, "--as-of", "2026-02-01T00:00:00Z", "--output", _folder.File("d.json"), "--changes", _folder.File("c.jsonl"));
        Assert.Equal(1, exit);
        Assert.Contains("<stdin>:8: ", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Equal(["rules.json"], _folder.Files());
    }

    [Theory]
    [InlineData("--holdout", "1", "0 < F < 1")]
    [InlineData("--holdout", "0", "0 < F < 1")]
    [InlineData("--l2", "0", "1e-3 <= L <= 1e6")]
    [InlineData("--lead-time-days", "-1", "0 <= D <= 36500")]
    [InlineData("--points-to-double-odds", "ten", "not a number")]
    [InlineData("--points-to-double-odds", "NaN", "not a number")]
    public void Calibrate_options_out_of_range_are_bad_usage(string option, string value, string message)
    {
        var (exit, _, error) = Run(History, "calibrate", "--rules", "default", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_zero_leads_reports_zeros_and_no_outcomes()
    {
        var (exit, output, error) = Run("", "diff", "--rules", Write("rules.json", Rules), "--candidate", Write("candidate.json", Candidate), "--as-of", "2026-02-01T00:00:00Z", "--changes", _folder.File("c.jsonl"));
        Assert.True(exit == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0, report.GetProperty("leads").GetInt32());
        Assert.Equal(0, report.GetProperty("transitions").GetArrayLength());
        Assert.Equal(0, report.GetProperty("score").GetProperty("meanDelta").GetDouble());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("outcomes").ValueKind);
        Assert.Equal(["demo", "views", "pricing"], report.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("", File.ReadAllText(_folder.File("c.jsonl")));
    }

    [Fact]
    public void Diff_lists_rules_of_either_side_and_changed_leads_in_input_order()
    {
        var (exit, output, error) = Run(History, "diff", "--rules", Write("rules.json", Rules), "--candidate", Write("candidate.json", Candidate), "--as-of", "2026-02-01T00:00:00Z", "--changes", _folder.File("c.jsonl"));
        Assert.True(exit == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        var views = report.GetProperty("rules")[1];
        Assert.Equal(3, views.GetProperty("old").GetProperty("fires").GetInt32());
        Assert.Equal(JsonValueKind.Null, views.GetProperty("new").ValueKind);
        var pricing = report.GetProperty("rules")[2];
        Assert.Equal(JsonValueKind.Null, pricing.GetProperty("old").ValueKind);
        Assert.Equal(2, pricing.GetProperty("new").GetProperty("fires").GetInt32());

        // w1 12 -> 10, w3 2 -> 20, l1 2 -> 0, l2 0 -> 20: in input order.
        var changes = File.ReadAllLines(_folder.File("c.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["w1", "w3", "l1", "l2"], changes.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("MQL", changes[1].GetProperty("new").GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, changes[1].GetProperty("old").GetProperty("stage").ValueKind);
        Assert.Equal(20, report.GetProperty("score").GetProperty("maxIncrease").GetDouble());
        Assert.Equal(-2, report.GetProperty("score").GetProperty("maxDecrease").GetDouble());
    }

    [Fact]
    public void The_auc_gate_exits_3_after_writing_when_the_candidate_ranks_worse()
    {
        // The candidate's pricing rule fires on a won and a lost lead and drops views, which fire on two won leads.
        string rules = Write("rules.json", Rules), candidate = Write("candidate.json", Candidate);
        var (exit, _, error) = Run(History, "diff", "--rules", rules, "--candidate", candidate, "--as-of", "2026-02-01T00:00:00Z", "--output", _folder.File("d.json"), "--fail-if-auc-drops");
        var outcomes = JsonDocument.Parse(File.ReadAllText(_folder.File("d.json"))).RootElement.GetProperty("outcomes");
        Assert.True(outcomes.GetProperty("aucNew").GetDouble() < outcomes.GetProperty("aucOld").GetDouble());
        Assert.Equal(3, exit);
        Assert.Contains("gate failed", error, StringComparison.Ordinal);

        // The other way round the gate passes.
        Assert.Equal(0, Run(History, "diff", "--rules", candidate, "--candidate", rules, "--as-of", "2026-02-01T00:00:00Z", "--fail-if-auc-drops").Exit);
    }

    [Fact]
    public void The_auc_gate_exits_2_when_it_cannot_judge()
    {
        string rules = Write("rules.json", Rules);
        var (exit, output, error) = Run(LeadLine("w", "won") + "\n" + LeadLine("open", null), "diff", "--rules", rules, "--candidate", rules, "--as-of", "2026-02-01T00:00:00Z", "--fail-if-auc-drops");
        Assert.Equal(2, exit);
        Assert.Contains("cannot judge", error, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(output).RootElement.GetProperty("outcomes").GetProperty("aucOld").ValueKind); // written first
    }

    [Fact]
    public void Diff_needs_both_rule_sets()
    {
        Assert.Equal(2, Run("", "diff", "--rules", "default").Exit);
        Assert.Equal(2, Run("", "diff", "--candidate", "default").Exit);
        var (exit, _, error) = Run("", "diff", "--rules", "default", "--candidate", Write("bad.json", "{}"));
        Assert.Equal(1, exit);
        Assert.Contains("bad.json: $.schemaVersion", error, StringComparison.Ordinal);
    }
}
