using BenchmarkDotNet.Attributes;
using LeadScoring.Calibration;

namespace LeadScoring.Benchmarks;

/// <summary>
/// Calibration of the built-in rule set on 100,000 decided leads (10 activities on average; outcomes drawn from
/// a seeded propensity), with a 25 % holdout: scoring every lead, the rows, the Newton fits and the suggested rule
/// sets. Off the scoring hot path, so it may allocate; the figure to watch is time and the bytes per run.
/// </summary>
[MemoryDiagnoser]
public class CalibrationBenchmarks
{
    private const int LeadCount = 100_000;
    private static readonly CalibrationOptions Options = new() { Holdout = 0.25, LeadTimeDays = 7 };
    private Lead[] _leads = null!;

    [GlobalSetup]
    public void Setup()
    {
        _leads = SyntheticLeads.Create(LeadCount, 10);
        var random = new Random(7);
        foreach (var lead in _leads)
        {
            double score = ScoringModel.Default.Score(lead, SyntheticLeads.AsOf).Score;
            bool won = random.NextDouble() < 1 / (1 + Math.Exp(-((score - 40) / 12)));
            lead.Outcome = new LeadOutcome(won, SyntheticLeads.AsOf.AddDays(-random.Next(0, 60)));
        }
    }

    [Benchmark]
    public double Calibrate() => ScoringModel.Default.Calibrate(_leads, Options).Auc.Score ?? 0;
}
