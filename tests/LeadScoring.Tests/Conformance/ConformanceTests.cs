using System.Buffers;
using System.Text.Json;
using LeadScoring.Cli;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Conformance;

/// <summary>Runs every case under ../shared/conformance through the library and through the CLI.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> ScoringCases => ConformanceCase.Names("score");

    public static TheoryData<string> InvalidCases => ConformanceCase.InvalidNames();

    [Fact]
    public void The_shared_conformance_cases_are_present()
    {
        Assert.True(ScoringCases.Count > 0, "no scoring cases found under " + TestPaths.Shared);
        Assert.True(InvalidCases.Count > 0, "no invalid rule sets found under " + TestPaths.Shared);
        Assert.True(Directory.Exists(Path.Combine(TestPaths.Shared, "conformance-1.1")), "../shared/conformance-1.1 is missing");
    }

    [Theory]
    [MemberData(nameof(ScoringCases))]
    public void Library_scores_match_the_expected_output(string name)
    {
        var testCase = ConformanceCase.Load(name);
        var model = ScoringModel.FromFile(testCase.RulesPath);
        var leads = ConformanceCase.NonBlankLines(testCase.LeadsPath).ToArray();
        var expected = ConformanceCase.NonBlankLines(testCase.ExpectedPath).ToArray();
        Assert.Equal(expected.Length, leads.Length);

        for (int i = 0; i < leads.Length; i++)
        {
            var lead = LeadJson.Parse(leads[i]);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                if (testCase.Since is { } since)
                {
                    LeadScoreJson.WriteResult(writer, lead.Id, model.ExplainChange(lead, since, testCase.AsOf), testCase.Explain ? model.Explain(lead, testCase.AsOf) : null);
                }
                else if (testCase.Explain)
                {
                    LeadScoreJson.WriteResult(writer, lead.Id, model.Explain(lead, testCase.AsOf));
                }
                else
                {
                    LeadScoreJson.WriteResult(writer, lead.Id, model.Score(lead, testCase.AsOf)); // the allocation-free result is enough for the line
                }
            }

            using var actualDocument = JsonDocument.Parse(buffer.WrittenMemory);
            using var expectedDocument = JsonDocument.Parse(expected[i]);
            JsonAssert.Equivalent(expectedDocument.RootElement, actualDocument.RootElement, $"{name} line {i + 1}");

            // The allocation-free path agrees with the explaining one.
            var score = model.Score(lead, testCase.AsOf);
            Assert.Equal(expectedDocument.RootElement.GetProperty("score").GetDouble(), score.Score, JsonAssert.Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(ScoringCases))]
    public void The_reference_scorer_of_the_property_tests_also_matches_the_expected_output(string name)
    {
        var testCase = ConformanceCase.Load(name);
        using var rules = JsonDocument.Parse(File.ReadAllBytes(testCase.RulesPath));
        var leads = ConformanceCase.NonBlankLines(testCase.LeadsPath).ToArray();
        var expected = ConformanceCase.NonBlankLines(testCase.ExpectedPath).ToArray();
        for (int i = 0; i < leads.Length; i++)
        {
            var reference = ReferenceScorer.Score(rules.RootElement, LeadJson.Parse(leads[i]), testCase.AsOf);
            using var e = JsonDocument.Parse(expected[i]);
            Assert.Equal(e.RootElement.GetProperty("score").GetDouble(), reference.Score, 6);
            Assert.Equal(e.RootElement.GetProperty("engagement").GetDouble(), reference.Engagement, 6);
            Assert.Equal(e.RootElement.GetProperty("stage").GetString(), reference.Stage);
            if (testCase.Explain)
            {
                Assert.Equal(e.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()), reference.Rules.Select(r => r.Id));
            }

            if (e.RootElement.TryGetProperty("probability", out var probability))
            {
                Assert.Equal(probability.GetDouble(), reference.Probability!.Value, 6);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScoringCases))]
    public void Cli_output_matches_the_expected_output(string name)
    {
        var testCase = ConformanceCase.Load(name);
        string output = Path.Combine(Path.GetTempPath(), $"leadscore-{Guid.NewGuid():N}.jsonl");
        try
        {
            List<string> args = ["score", "--rules", testCase.RulesPath, "--input", testCase.LeadsPath, "--output", output, "--as-of", testCase.AsOf.ToString("O")];
            if (testCase.Explain)
            {
                args.Add("--explain");
            }

            if (testCase.Since is { } since)
            {
                args.AddRange(["--since", since.ToString("O")]);
            }

            var error = new StringWriter();
            int exit = CommandLine.Run([.. args], Stream.Null, Stream.Null, TextWriter.Null, error, TimeProvider.System);
            Assert.True(exit == 0, error.ToString());

            var actual = File.ReadAllLines(output);
            var expected = ConformanceCase.NonBlankLines(testCase.ExpectedPath).ToArray();
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                using var e = JsonDocument.Parse(expected[i]);
                using var a = JsonDocument.Parse(actual[i]);
                JsonAssert.Equivalent(e.RootElement, a.RootElement, $"{name} line {i + 1}");
            }
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_rule_sets_are_rejected_naming_the_expected_path(string name)
    {
        string file = Path.Combine(TestPaths.Shared, name + ".json");
        string expected = File.ReadAllText(Path.Combine(TestPaths.Shared, name + ".expect")).Trim();

        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.FromFile(file));
        Assert.Contains(ex.Errors, e => e.ToString().Contains(expected, StringComparison.Ordinal));

        var error = new StringWriter();
        int exit = CommandLine.Run(["validate", file], Stream.Null, Stream.Null, TextWriter.Null, error, TimeProvider.System);
        Assert.Equal(1, exit);
        Assert.Contains($"{file}: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }
}
