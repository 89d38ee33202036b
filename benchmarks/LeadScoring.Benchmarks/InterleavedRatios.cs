using System.Diagnostics;
using System.Globalization;

namespace LeadScoring.Benchmarks;

/// <summary>
/// The <see cref="DefaultRuleSetBenchmarks"/> contenders timed in turn within one process, round after round
/// (<c>--interleaved [rounds]</c>). BenchmarkDotNet runs each benchmark in its own process, minutes apart; on a shared
/// machine whose speed drifts over minutes, the ratio of two means then mixes the two runs' conditions. Here every
/// round times one pass of each contender back to back, so a ratio taken within a round compares like with like; the
/// median over rounds is the figure to quote, next to the BenchmarkDotNet report (which gives allocations and errors).
/// </summary>
public static class InterleavedRatios
{
    private static readonly (string Name, Func<DefaultRuleSetBenchmarks, double> Run)[] Contenders =
    [
        ("typed hand-written", b => b.HandWrittenTyped()),
        ("hand-written over Lead", b => b.HandWritten()),
        ("model.Score(lead)", b => b.Engine()),
        ("binding.Score(crmLead)", b => b.EngineBound()),
    ];

    /// <summary>Runs <paramref name="rounds"/> rounds after a warm-up long enough for tiered compilation, and prints the table.</summary>
    /// <param name="rounds">How many rounds to time.</param>
    /// <param name="output">Where the table goes.</param>
    public static void Run(int rounds, TextWriter output)
    {
        var benchmarks = new DefaultRuleSetBenchmarks();
        benchmarks.Setup(); // verifies every contender against the engine first
        const double Leads = 1_000;
        for (int warmUp = 0; warmUp < 60; warmUp++)
        {
            foreach (var (_, run) in Contenders)
            {
                run(benchmarks);
            }
        }

        var times = new double[Contenders.Length][];
        for (int c = 0; c < Contenders.Length; c++)
        {
            times[c] = new double[rounds];
        }

        for (int r = 0; r < rounds; r++)
        {
            for (int c = 0; c < Contenders.Length; c++)
            {
                long start = Stopwatch.GetTimestamp();
                Contenders[c].Run(benchmarks);
                times[c][r] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / Leads;
            }
        }

        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"{rounds} rounds, one pass over the {Leads:0} leads per contender per round; ns per lead; load average at the end: {LoadAverage()}"));
        output.WriteLine("| contender | median | best |");
        output.WriteLine("|---|---:|---:|");
        for (int c = 0; c < Contenders.Length; c++)
        {
            output.WriteLine(string.Create(culture, $"| {Contenders[c].Name} | {Median(times[c]):0} | {times[c].Min():0} |"));
        }

        output.WriteLine(string.Create(culture, $"engine / hand-written over Lead, median of per-round ratios: {MedianRatio(times[2], times[1]):0.00}x (best rounds: {times[2].Min() / times[1].Min():0.00}x)"));
        output.WriteLine(string.Create(culture, $"binding / typed hand-written, median of per-round ratios: {MedianRatio(times[3], times[0]):0.00}x (best rounds: {times[3].Min() / times[0].Min():0.00}x)"));
    }

    private static double MedianRatio(double[] numerator, double[] denominator) => Median([.. numerator.Select((n, i) => n / denominator[i])]);

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
