using BenchmarkDotNet.Attributes;

namespace LeadScoring.Benchmarks;

/// <summary>
/// Your own workload: LEADSCORING_BENCH_RULES (a rule-set JSON file, or <c>default</c>) and
/// LEADSCORING_BENCH_LEADS (a JSON Lines file), scored at LEADSCORING_BENCH_ASOF (ISO 8601). Unset, they fall
/// back to the built-in rule set, the repository's sample leads and 2026-11-01. Figures are per batch: the
/// workload line printed by the setup says how many leads that is.
/// </summary>
[MemoryDiagnoser]
public class YourRulesBenchmarks
{
    public const string RulesVariable = "LEADSCORING_BENCH_RULES";
    public const string LeadsVariable = "LEADSCORING_BENCH_LEADS";
    public const string AsOfVariable = "LEADSCORING_BENCH_ASOF";

    private ScoringModel _model = null!;
    private Lead[] _leads = null!;
    private LeadScore[] _results = null!;
    private byte[] _rulesJson = null!;
    private DateTimeOffset _asOf;

    [GlobalSetup]
    public void Setup()
    {
        string rules = Environment.GetEnvironmentVariable(RulesVariable) is { Length: > 0 } r ? r : ScoringModel.DefaultName;
        string leads = Environment.GetEnvironmentVariable(LeadsVariable) is { Length: > 0 } l ? l
            : Path.Combine(RepositoryPaths.Root() ?? ".", "samples", "leads.jsonl");
        _model = rules == ScoringModel.DefaultName ? ScoringModel.Default : ScoringModel.FromFile(rules);
        _rulesJson = System.Text.Encoding.UTF8.GetBytes(_model.ToJson());
        _leads = [.. File.ReadLines(leads).Where(line => !string.IsNullOrWhiteSpace(line)).Select(LeadJson.Parse)];
        _results = new LeadScore[_leads.Length];
        _asOf = Environment.GetEnvironmentVariable(AsOfVariable) is { Length: > 0 } a
            ? DateTimeOffset.Parse(a, System.Globalization.CultureInfo.InvariantCulture)
            : SyntheticLeads.AsOf;
        Console.WriteLine($"// workload: {_model} on {_leads.Length} leads from {leads}, as of {_asOf:O}");
    }

    [Benchmark]
    public ScoringModel LoadRuleSet() => ScoringModel.FromJson(_rulesJson);

    [Benchmark]
    public void ScoreAllLeads() => _model.ScoreBatch(_leads, _asOf, _results);
}
