using BenchmarkDotNet.Attributes;
using LeadScoring.Benchmarks.Baselines;

namespace LeadScoring.Benchmarks;

/// <summary>
/// The engine against hand-written C# for the built-in rule set: 1,000 synthetic leads averaging 40 activities,
/// scored in a batch (per-lead figures: OperationsPerInvoke). Both are checked to agree before timing.
/// </summary>
[MemoryDiagnoser]
public class DefaultRuleSetBenchmarks
{
    private const int LeadCount = 1_000;
    private ScoringModel _model = null!;
    private Lead[] _leads = null!;
    private LeadScore[] _results = null!;
    private RulesEngineDefaultScorer _rulesEngine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = ScoringModel.Default;
        _leads = SyntheticLeads.Create(LeadCount, 40);
        _results = new LeadScore[LeadCount];
        BaselineResult.Verify("hand-written", _model, _leads, SyntheticLeads.AsOf, l => HandWrittenDefaultScorer.Score(l, SyntheticLeads.AsOf));
        _rulesEngine = new RulesEngineDefaultScorer();
        BaselineResult.Verify("RulesEngine", _model, _leads, SyntheticLeads.AsOf, l => _rulesEngine.Score(l, SyntheticLeads.AsOf));
    }

    // The three loops below are written out on purpose: a shared helper taking a delegate would add an
    // indirect call per lead to every contender and blur the comparison.
    [Benchmark(Baseline = true, OperationsPerInvoke = LeadCount)]
    public double HandWritten()
    {
        double sum = 0;
        foreach (var lead in _leads)
        {
            sum += HandWrittenDefaultScorer.Score(lead, SyntheticLeads.AsOf).Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = LeadCount)]
    public double Engine()
    {
        double sum = 0;
        foreach (var lead in _leads)
        {
            sum += _model.Score(lead, SyntheticLeads.AsOf).Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = LeadCount)]
    public double RulesEngine()
    {
        double sum = 0;
        foreach (var lead in _leads)
        {
            sum += _rulesEngine.Score(lead, SyntheticLeads.AsOf).Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = LeadCount)]
    public void EngineBatch() => _model.ScoreBatch(_leads, SyntheticLeads.AsOf, _results);
}
