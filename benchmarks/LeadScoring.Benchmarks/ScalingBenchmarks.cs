using BenchmarkDotNet.Attributes;

namespace LeadScoring.Benchmarks;

/// <summary>
/// Cost against activities per lead and rules per rule set (one activity type or attribute per rule).
/// If scoring were O(activities x rules), the 1,000 x 1,000 cell would be ~100x the 100 x 100 one; it is
/// O(activities + rules), so it is about 10x.
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private const int LeadCount = 100;
    private ScoringModel _model = null!;
    private Lead[] _leads = null!;
    private LeadScore[] _results = null!;
    private int _next;

    [Params(0, 10, 100, 1_000)]
    public int Activities { get; set; }

    [Params(10, 100, 1_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = ScoringModel.FromJson(SyntheticRuleSets.Json(Rules));
        _leads = SyntheticRuleSets.Leads(LeadCount, Rules, Activities);
        _results = new LeadScore[LeadCount];
    }

    [Benchmark]
    public double ScoreOneLead()
    {
        var lead = _leads[_next];
        _next = (_next + 1) % _leads.Length;
        return _model.Score(lead, SyntheticLeads.AsOf).Score;
    }

    [Benchmark(OperationsPerInvoke = LeadCount)]
    public void ScoreBatchPerLead() => _model.ScoreBatch(_leads, SyntheticLeads.AsOf, _results);
}
