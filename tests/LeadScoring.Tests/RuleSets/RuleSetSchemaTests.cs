using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LeadScoring.RuleSets;
using LeadScoring.Tests.Conformance;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.RuleSets;

/// <summary>The shipped JSON Schema, checked with a real validator (JsonSchema.Net) against what the library accepts and rejects.</summary>
public sealed class RuleSetSchemaTests
{
    /// <summary>Invalid samples whose rule a JSON Schema cannot state (uniqueness across items, one number below another).</summary>
    private static readonly string[] BeyondASchema = ["dup-id", "between-reversed"];

    private static readonly JsonSchema Schema = JsonSchema.FromText(RuleSetSchema.Json);

    public static TheoryData<string> ValidRuleSets()
    {
        var files = new TheoryData<string>();
        foreach (string root in ConformanceCase.Roots)
        {
            foreach (string dir in Directory.GetDirectories(Path.Combine(TestPaths.Shared, root)).Order(StringComparer.Ordinal))
            {
                foreach (string name in new[] { "rules.json", "candidate.json", "expected-suggest.json", "expected-calibrated.json" })
                {
                    if (File.Exists(Path.Combine(dir, name)))
                    {
                        files.Add(Path.GetRelativePath(TestPaths.Shared, Path.Combine(dir, name)));
                    }
                }
            }
        }

        return files;
    }

    [Fact]
    public void The_shipped_schema_is_the_file_in_the_repository()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "LeadScoring", "RuleSets", "leadscoring.schema.json")), RuleSetSchema.Json);
    }

    [Theory]
    [MemberData(nameof(ValidRuleSets))]
    public void Every_valid_shared_rule_set_passes(string file)
    {
        string json = File.ReadAllText(Path.Combine(TestPaths.Shared, file));
        _ = ScoringModel.FromJson(json); // the library accepts it
        AssertValid(json, file);
    }

    [Fact]
    public void The_built_in_random_and_written_rule_sets_pass_with_a_schema_pointer()
    {
        AssertValid(ScoringModel.Default.ToJson(), "default");
        for (int seed = 0; seed < 200; seed++)
        {
            var node = JsonNode.Parse(RandomRuleSet.Create(seed).Json)!.AsObject();
            node["$schema"] = "./leadscoring.schema.json";
            string json = node.ToJsonString();
            _ = ScoringModel.FromJson(json);
            AssertValid(json, $"random rule set {seed}");
        }
    }

    [Theory]
    [MemberData(nameof(ConformanceTests.InvalidCases), MemberType = typeof(ConformanceTests))]
    public void Every_invalid_sample_it_can_express_fails(string name)
    {
        string json = File.ReadAllText(Path.Combine(TestPaths.Shared, name + ".json"));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return; // not JSON: no schema is consulted (the library reports the line and column)
        }

        bool valid;
        using (document)
        {
            valid = Schema.Evaluate(document.RootElement).IsValid;
        }

        if (BeyondASchema.Contains(Path.GetFileName(name)))
        {
            Assert.True(valid, $"{name} is listed as beyond a schema, yet the schema rejects it: take it off the list");
        }
        else
        {
            Assert.False(valid, $"the schema accepts {name}, which the library rejects");
        }
    }

    private static void AssertValid(string json, string what)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{what}: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(5)
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }
}
