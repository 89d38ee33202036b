using System.Text.Json;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Leads;

/// <summary>The System.Text.Json converters a host registers with <c>AddLeadScoringConverters</c>.</summary>
public sealed class JsonConverterTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().AddLeadScoringConverters();

    [Property(MaxTest = 100)]
    public void A_lead_round_trips_through_the_serializer_and_scores_the_same(Seed seed)
    {
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        foreach (var lead in RandomRuleSet.Leads(seed, 10, AsOf))
        {
            lead.Outcome = seed % 2 == 0 ? LeadOutcome.Won(AsOf) : null;
            string json = JsonSerializer.Serialize(lead, Options);
            var back = JsonSerializer.Deserialize<Lead>(json, Options)!;
            Assert.Equal(lead.Id, back.Id);
            Assert.Equal(lead.Outcome, back.Outcome);
            Assert.Equal(JsonSerializer.Serialize(model.Explain(lead, AsOf), Options), JsonSerializer.Serialize(model.Explain(back, AsOf), Options));
            Assert.Equal(json, JsonSerializer.Serialize(LeadJson.Parse(json), Options)); // and LeadJson reads what it writes
        }
    }

    [Fact]
    public void A_bad_lead_body_is_a_json_exception_with_the_readers_message()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Lead>("""{ "id": "L-1", "attributes": [] }""", Options));
        Assert.Contains("lead 'L-1': $.attributes: expected an object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_write_with_the_specs_names()
    {
        var lead = new Lead("L-1").Set("jobTitle", "VP Sales").AddActivity("demo_requested", AsOf.AddDays(-1));
        var score = ScoringModel.Default.Score(lead, AsOf);
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(score, Options));
        var root = document.RootElement;
        Assert.False(root.TryGetProperty("id", out _));
        Assert.Equal(score.Score, root.GetProperty("score").GetDouble());
        Assert.Equal(score.Stage, root.GetProperty("stage").GetString());
        Assert.Equal(15, root.GetProperty("categories").GetProperty("demographic").GetDouble());

        using var explained = JsonDocument.Parse(JsonSerializer.Serialize(ScoringModel.Default.Explain(lead, AsOf), Options));
        Assert.Equal("executive-title", explained.RootElement.GetProperty("rules")[0].GetProperty("id").GetString());
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<LeadScore>("{}", Options));
    }
}
