using BenchmarkDotNet.Attributes;

namespace LeadScoring.Benchmarks;

/// <summary>Batch throughput: 10,000 leads on one core against all cores (per-lead figures).</summary>
[MemoryDiagnoser]
public class ParallelBatchBenchmarks
{
    private const int LeadCount = 10_000;
    private ScoringModel _model = null!;
    private Lead[] _leads = null!;
    private LeadScore[] _results = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = ScoringModel.Default;
        _leads = SyntheticLeads.Create(LeadCount, 40);
        _results = new LeadScore[LeadCount];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LeadCount)]
    public void OneCore() => _model.ScoreBatch(_leads, SyntheticLeads.AsOf, _results);

    [Benchmark(OperationsPerInvoke = LeadCount)]
    public void AllCores() => _model.ScoreBatchParallel(_leads, SyntheticLeads.AsOf, _results);
}
