using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project benchmarks/LeadScoring.Benchmarks -- [--smoke] [--compare-versions 0.1.0[,0.2.0]] [BenchmarkDotNet options]
//   --smoke               every benchmark once, in-process (CI: proves the suite builds and runs; no figures)
//   --compare-versions V  also run each benchmark against the LeadScoring package version(s) V, with the
//                         current source as the baseline, so the report gives the ratio between them
//   --interleaved [N]     the DefaultRuleSet contenders timed in turn in one process, N rounds (default 300):
//                         ratios within a round, robust to a machine whose speed drifts between benchmark processes
List<string> arguments = [.. args];

int interleaved = arguments.IndexOf("--interleaved");
if (interleaved >= 0)
{
    int rounds = interleaved + 1 < arguments.Count && int.TryParse(arguments[interleaved + 1], out int n) && n > 0 ? n : 300;
    LeadScoring.Benchmarks.InterleavedRatios.Run(rounds, Console.Out);
    return;
}

IConfig config = DefaultConfig.Instance;

if (arguments.Remove("--smoke"))
{
    config = config.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance));
    if (!arguments.Contains("--filter"))
    {
        arguments.AddRange(["--filter", "*"]);
    }
}

int compare = arguments.IndexOf("--compare-versions");
if (compare >= 0)
{
    string[] versions = arguments[compare + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    arguments.RemoveRange(compare, 2);
    config = config.AddJob(Job.Default.WithId("current").AsBaseline());
    foreach (string version in versions)
    {
        // The project references the LeadScoring package instead of the source when this property is set.
        config = config.AddJob(Job.Default.WithId(version).WithMsBuildArguments($"/p:LeadScoringVersion={version}"));
    }
}

BenchmarkSwitcher.FromAssembly(typeof(LeadScoring.Benchmarks.DefaultRuleSetBenchmarks).Assembly).Run([.. arguments], config);
