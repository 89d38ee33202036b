using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>
/// The activity pass's machinery, against the plain reading of the spec: activities taken a chunk at a time, matches
/// that need a tag test or repeat limits handled after the loop, decay weights computed in one vectorised pass, age
/// limits compared in ticks.
/// </summary>
public sealed class ActivityScanTests
{
    private static readonly DateTimeOffset AsOf = TestRuleSets.AsOf;

    [Property(MaxTest = 60)]
    public void Leads_with_many_activities_agree_with_the_reference_across_chunks(Seed seed)
    {
        string json = RandomRuleSet.Create(seed).Json;
        var model = ScoringModel.FromJson(json);
        using var document = JsonDocument.Parse(json);
        foreach (var lead in RandomRuleSet.Leads(seed, 4, AsOf, maxActivities: 300))
        {
            var expected = ReferenceScorer.Score(document.RootElement, lead, AsOf);
            var actual = model.Explain(lead, AsOf);
            Assert.Equal(expected.Score, actual.Result.Score, 9);
            Assert.Equal(expected.Rules.Select(r => r.Id), actual.Rules.Select(r => r.Id));
            Assert.Equal(expected.Rules.Select(r => r.Points), actual.Rules.Select(r => r.Points), (a, b) => Math.Abs(a - b) <= 1e-9);
            Assert.Equal(expected.Stage, actual.Result.Stage);
        }
    }

    [Fact]
    public void A_type_with_more_consumers_than_the_stack_buffers_hold_scores_as_the_reference()
    {
        // 300 decaying each rules and 40 tagged activity conditions on one type: more matches per activity than the
        // chunk buffers on the stack hold, so the pass takes one activity at a time with per-thread buffers.
        var rules = new StringBuilder();
        for (int r = 0; r < 300; r++)
        {
            string tag = r % 7 == 0 ? """, "tag": { "op": "startsWith", "value": "nov" }""" : "";
            string limit = r % 11 == 0 ? """, "distinctTags": true""" : "";
            rules.Append($$"""{ "id": "e{{r}}", "category": "emailEngagement", "points": {{(r % 5) + 0.25}}, "each": { "activity": "email_open", "withinDays": {{(r % 9) * 20}}{{tag}}{{limit}} } },""");
        }

        for (int r = 0; r < 40; r++)
        {
            rules.Append($$"""{ "id": "c{{r}}", "category": "onlineBehaviour", "points": 1, "when": { "activity": "email_open", "minCount": {{(r % 6) + 1}}, "withinDays": {{r * 5}}, "tag": { "op": "contains", "value": "news" } } },""");
        }

        string json = TestRuleSets.Json(rules.ToString().TrimEnd(','), """ "decay": { "halfLifeDays": 20 }""");
        var model = ScoringModel.FromJson(json);
        using var document = JsonDocument.Parse(json);
        var lead = new Lead("many");
        var random = new Random(7);
        for (int a = 0; a < 150; a++)
        {
            lead.AddActivity(a % 13 == 0 ? "page_view" : "email_open", AsOf.AddHours(-random.Next(0, 24 * 200)), random.Next(3) switch { 0 => null, 1 => "nov-newsletter", _ => "dec-news" });
        }

        var expected = ReferenceScorer.Score(document.RootElement, lead, AsOf);
        var actual = model.Explain(lead, AsOf);
        Assert.Equal(expected.Rules.Select(r => r.Id), actual.Rules.Select(r => r.Id));
        Assert.Equal(expected.Rules.Select(r => r.Points), actual.Rules.Select(r => r.Points), (a, b) => Math.Abs(a - b) <= 1e-9);
        Assert.Equal(expected.Score, actual.Result.Score, 9);
    }

    [Fact]
    public void Types_of_a_vocabulary_too_large_for_a_direct_table_score_as_the_reference()
    {
        // 200 activity types, more than a direct table takes: every type goes through the probe loop. Types are passed
        // as new strings in either case, and some are unknown to the rule set.
        var rules = new StringBuilder();
        for (int r = 0; r < 200; r++)
        {
            rules.Append($$"""{ "id": "e{{r}}", "category": "emailEngagement", "points": {{(r % 5) + 1}}, "maxPoints": 50, "each": { "activity": "type_{{r}}", "withinDays": {{((r % 4) + 1) * 60}} } },""");
        }

        string json = TestRuleSets.Json(rules.ToString().TrimEnd(','), """ "decay": { "halfLifeDays": 20 }""");
        var model = ScoringModel.FromJson(json);
        Assert.False(model.Compiled.TypeTableIsDirect);
        using var document = JsonDocument.Parse(json);
        var random = new Random(11);
        for (int l = 0; l < 5; l++)
        {
            var lead = new Lead($"L{l}");
            for (int a = 0; a < 200; a++)
            {
                string type = $"type_{random.Next(220)}";
                lead.AddActivity(random.Next(2) == 0 ? type.ToUpperInvariant() : type, AsOf.AddHours(-random.Next(0, 24 * 200)));
            }

            var expected = ReferenceScorer.Score(document.RootElement, lead, AsOf);
            Assert.Equal(expected.Score, model.Score(lead, AsOf).Score, 9);
            Assert.Equal(expected.Rules.Select(r => r.Points), model.Explain(lead, AsOf).Rules.Select(r => r.Points), (a, b) => Math.Abs(a - b) <= 1e-9);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0 / 3)]
    [InlineData(30)]
    [InlineData(89.99999999999)]
    [InlineData(1e9)]
    public void An_age_limit_in_ticks_admits_exactly_the_ages_within_the_limit_in_days(double withinDays)
    {
        long limit = new ActivityConsumer(ConsumerKind.Count, 0, withinDays, null, 1).WithinTicks;
        Assert.True(limit / (double)TimeSpan.TicksPerDay <= withinDays);
        if (limit < long.MaxValue)
        {
            Assert.True((limit + 1) / (double)TimeSpan.TicksPerDay > withinDays);
        }
    }

    [Property(MaxTest = 1000)]
    public void Ages_in_ticks_and_in_days_agree_at_every_limit(Seed seed)
    {
        // Windows from seconds to millennia: whole days, fractions of days (most not exact as doubles), any magnitude.
        // (Sized parameters, as this test had, drew numerators and offsets below 100: windows under 0.1 day.)
        var random = new Random(seed);
        double withinDays = random.Next(3) switch
        {
            0 => random.Next(0, 400_000),
            1 => random.Next(1, 10_000_000) / (double)random.Next(1, 10_000),
            _ => random.NextDouble() * Math.Pow(10, random.Next(-5, 9)),
        };
        long limit = new ActivityConsumer(ConsumerKind.Sum, 0, withinDays, null, 1).WithinTicks;
        foreach (long offset in new long[] { -2, -1, 0, 1, 2, random.Next(-1_000_000, 1_000_000) })
        {
            long ticks = Math.Max(0, limit + offset);
            Assert.Equal(ticks / (double)TimeSpan.TicksPerDay <= withinDays, ticks <= limit);
        }
    }
}
