using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace LeadScoring.Benchmarks;

/// <summary>
/// Load + validate + compile grows linearly with the rule set: 1,000, 10,000 and 100,000 rules (names alike, as
/// generated rule sets have them), and one rule whose <c>in</c> list has 100,000 values.
/// </summary>
[MemoryDiagnoser]
public class LoadScalingBenchmarks
{
    private byte[] _json = null!;
    private byte[] _bigInList = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _json = Encoding.UTF8.GetBytes(SyntheticRuleSets.Json(Rules));
        var values = string.Join(", ", Enumerable.Range(0, 100_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"\"company-{i}\"")));
        _bigInList = Encoding.UTF8.GetBytes($$"""
            { "schemaVersion": 1, "rules": [ { "id": "accounts", "category": "companyFit", "points": 10,
              "when": { "field": "company", "op": "in", "value": [{{values}}] } } ] }
            """);
    }

    [Benchmark]
    public ScoringModel Load() => ScoringModel.FromJson(_json);

    [Benchmark]
    public ScoringModel LoadInListOf100000() => ScoringModel.FromJson(_bigInList);
}
