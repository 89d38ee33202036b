using System.Diagnostics;
using System.Globalization;
using FsCheck.Xunit;
using LeadScoring.Tests.Conformance;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Fuzz;

/// <summary>
/// The fuzzing harness: valid rule sets and leads (the shared conformance cases, the built-in rule set, random rule
/// sets) mutated by <see cref="Mutator"/>. For every input, loading either succeeds, and then every score is
/// finite, or fails with the library's own error, with a path, on one short line; nothing else escapes and no
/// input takes long. CI runs a few thousand cases; <c>LEADSCORING_FUZZ_CASES=200000 dotnet test LeadScoring.sln
/// --filter FullyQualifiedName~Fuzz</c> runs longer (and <c>LEADSCORING_FUZZ_SEED</c> moves the sequential run).
/// </summary>
public sealed class FuzzTests
{
    /// <summary>A hang detector, not a speed test: no single input may take this long.</summary>
    private static readonly TimeSpan PerInputBound = TimeSpan.FromSeconds(10);

    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<byte[][]> RuleSets = new(() =>
    [
        .. ConformanceCase.Roots
            .SelectMany(root => Directory.GetDirectories(Path.Combine(TestPaths.Shared, root)))
            .Select(dir => Path.Combine(dir, "rules.json")).Where(File.Exists).Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes),
        System.Text.Encoding.UTF8.GetBytes(ScoringModel.Default.ToJson()),
        .. Enumerable.Range(0, 20).Select(seed => System.Text.Encoding.UTF8.GetBytes(RandomRuleSet.Create(seed).Json)),
    ]);

    private static readonly Lazy<byte[][]> Leads = new(() =>
    [
        .. ConformanceCase.Roots
            .SelectMany(root => Directory.GetDirectories(Path.Combine(TestPaths.Shared, root)))
            .Select(dir => Path.Combine(dir, "leads.jsonl")).Where(File.Exists).Order(StringComparer.Ordinal)
            .SelectMany(file => ConformanceCase.NonBlankLines(file).Take(5))
            .Select(System.Text.Encoding.UTF8.GetBytes),
    ]);

    private static readonly Lazy<Lead[]> ScoringLeads = new(() => [.. RandomRuleSet.Leads(1, 8, AsOf), .. Leads.Value.Take(8).Select(l => LeadJson.Parse(l))]);

    private static int LongRunCases => int.TryParse(Environment.GetEnvironmentVariable("LEADSCORING_FUZZ_CASES"), CultureInfo.InvariantCulture, out int n) ? n : 300;

    private static int LongRunSeed => int.TryParse(Environment.GetEnvironmentVariable("LEADSCORING_FUZZ_SEED"), CultureInfo.InvariantCulture, out int s) ? s : 20261130;

    [Property(MaxTest = 1500)]
    public void A_mutated_rule_set_loads_or_is_rejected_with_paths(Seed seed) => FuzzRuleSet(seed);

    [Property(MaxTest = 1500)]
    public void A_mutated_lead_parses_or_is_rejected_with_one_line(Seed seed) => FuzzLead(seed);

    [Fact]
    public void A_sequential_run_of_both_kinds_from_a_fixed_seed()
    {
        var slowest = TimeSpan.Zero;
        for (int i = 0; i < LongRunCases; i++)
        {
            var watch = Stopwatch.StartNew();
            FuzzRuleSet(LongRunSeed + i);
            FuzzLead(LongRunSeed + i);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
        }

        Console.WriteLine($"fuzz: {LongRunCases} rule sets and {LongRunCases} leads from seed {LongRunSeed}; slowest pair {slowest.TotalMilliseconds:0} ms");
    }

    private static void FuzzRuleSet(int seed)
    {
        var sources = RuleSets.Value;
        byte[] input = new Mutator(seed).Mutate(sources[(int)((uint)seed % (uint)sources.Length)]);
        var watch = Stopwatch.StartNew();
        ScoringModel model;
        try
        {
            model = ScoringModel.FromJson(input);
        }
        catch (RuleSetValidationException ex)
        {
            Assert.NotEmpty(ex.Errors);
            foreach (var error in ex.Errors)
            {
                Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
                AssertOneShortLine(error.ToString(), seed);
            }

            AssertQuick(watch, seed);
            return;
        }

        foreach (var lead in ScoringLeads.Value)
        {
            var explanation = model.Explain(lead, AsOf);
            var score = explanation.Result;
            Assert.True(double.IsFinite(score.Score) && double.IsFinite(score.Fit) && double.IsFinite(score.Engagement), $"seed {seed}: not finite");
            Assert.All(explanation.Rules, r => Assert.True(double.IsFinite(r.Points), $"seed {seed}: {r}"));
            Assert.True(score.Probability is null or (>= 0 and <= 1), $"seed {seed}: probability {score.Probability}");
        }

        Assert.Equal(model, ScoringModel.FromJson(model.ToJson())); // what loads also round-trips
        AssertQuick(watch, seed);
    }

    private static void FuzzLead(int seed)
    {
        var sources = Leads.Value;
        byte[] input = new Mutator(seed).Mutate(sources[(int)((uint)seed % (uint)sources.Length)]);
        var watch = Stopwatch.StartNew();
        var lead = new Lead("-");
        if (LeadJson.TryParse(input, lead, out string? error))
        {
            var score = ScoringModel.Default.Score(lead, AsOf);
            Assert.True(double.IsFinite(score.Score), $"seed {seed}: not finite");
        }
        else
        {
            Assert.True(error.StartsWith('$') || error.StartsWith("lead '", StringComparison.Ordinal) || error.StartsWith("malformed JSON", StringComparison.Ordinal), $"seed {seed}: {error}");
            AssertOneShortLine(error, seed);
        }

        AssertQuick(watch, seed);
    }

    private static void AssertOneShortLine(string message, int seed)
    {
        Assert.False(message.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'), $"seed {seed}: control character in: {message}");
        Assert.True(message.Length <= 2000, $"seed {seed}: a message of {message.Length} characters: {message[..Math.Min(300, message.Length)]}");
    }

    private static void AssertQuick(Stopwatch watch, int seed) =>
        Assert.True(watch.Elapsed < PerInputBound, $"seed {seed}: one input took {watch.Elapsed.TotalSeconds:0.0} s");
}
