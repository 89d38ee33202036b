using BenchmarkDotNet.Attributes;

namespace LeadScoring.Benchmarks;

/// <summary>The hot path on the built-in rule set: one lead, and a batch of 1,000.</summary>
[MemoryDiagnoser]
public class ScoreBenchmarks
{
    private ScoringModel _model = null!;
    private Lead[] _leads = null!;
    private LeadScore[] _results = null!;
    private int _next;

    [Params(0, 10, 40, 100)]
    public int Activities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = ScoringModel.Default;
        _leads = SyntheticLeads.Create(1_000, Activities);
        _results = new LeadScore[_leads.Length];
    }

    [Benchmark]
    public double ScoreOneLead()
    {
        var lead = _leads[_next];
        _next = (_next + 1) % _leads.Length;
        return _model.Score(lead, SyntheticLeads.AsOf).Score;
    }

    [Benchmark(OperationsPerInvoke = 1_000)]
    public void ScoreBatchOf1000() => _model.ScoreBatch(_leads, SyntheticLeads.AsOf, _results);
}
