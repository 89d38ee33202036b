using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace LeadScoring.Benchmarks;

/// <summary>
/// Load + validate + compile from JSON bytes (in-process, JIT warm), and a whole <c>leadscore score</c>
/// process on one lead (start-up included), which needs the CLI built in Release first.
/// </summary>
[MemoryDiagnoser]
public class ColdStartBenchmarks
{
    private byte[] _defaultJson = null!;
    private byte[] _thousandRulesJson = null!;
    private string? _cli;

    [GlobalSetup]
    public void Setup()
    {
        _defaultJson = Encoding.UTF8.GetBytes(ScoringModel.Default.ToJson());
        _thousandRulesJson = Encoding.UTF8.GetBytes(SyntheticRuleSets.Json(1_000));
        _cli = RepositoryPaths.ReleaseCli();
    }

    [Benchmark(Baseline = true)]
    public ScoringModel LoadDefaultRuleSet() => ScoringModel.FromJson(_defaultJson);

    [Benchmark]
    public ScoringModel Load1000RuleSet() => ScoringModel.FromJson(_thousandRulesJson);

    [Benchmark]
    public int LeadscoreProcessOneLead()
    {
        if (_cli is null)
        {
            throw new InvalidOperationException("Build the CLI first: dotnet build -c Release src/LeadScoring.Cli");
        }

        var start = new ProcessStartInfo(_cli, ["score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.WriteLine("""{"id":"L-1","attributes":{"jobTitle":"VP Sales","employees":300},"activities":[{"type":"pricing_page_view","at":"2026-10-30T10:00:00Z"}]}""");
        process.StandardInput.Close();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && output.Length > 0 ? output.Length : throw new InvalidOperationException("leadscore failed");
    }
}
