using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Properties;

/// <summary>Invariants over random rule sets and leads (FsCheck supplies the seeds).</summary>
public sealed class ScoringProperties
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 200)]
    public void Fluent_and_json_give_the_same_model(Seed seed)
    {
        var random = RandomRuleSet.Create(seed);
        var fluent = random.Builder.Build();
        var json = ScoringModel.FromJson(random.Json);
        Assert.Equal(json, fluent);
        Assert.Equal(json.ToJson(), fluent.ToJson());
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            Assert.Equal(Snapshot(json.Explain(lead, AsOf)), Snapshot(fluent.Explain(lead, AsOf)));
        }
    }

    [Property(MaxTest = 300)]
    public void The_engine_agrees_with_a_plain_reading_of_the_spec(Seed seed)
    {
        string json = RandomRuleSet.Create(seed).Json;
        var model = ScoringModel.FromJson(json);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            var expected = ReferenceScorer.Score(document.RootElement, lead, AsOf);
            var actual = model.Explain(lead, AsOf);
            Assert.Equal(expected.Score, actual.Result.Score, 9);
            Assert.Equal(expected.Fit, actual.Result.Fit, 9);
            Assert.Equal(expected.Engagement, actual.Result.Engagement, 9);
            Assert.Equal(expected.Categories, Enum.GetValues<ScoreCategory>().Select(c => actual.Result[c]), (a, b) => Math.Abs(a - b) <= 1e-9);
            Assert.Equal(expected.Stage, actual.Result.Stage);
            Assert.Equal(expected.Grade, actual.Result.Grade);
            Assert.Equal(expected.DisqualifiedBy, actual.DisqualifiedBy);
            Assert.Equal(expected.Rules.Select(r => r.Id), actual.Rules.Select(r => r.Id));
            Assert.Equal(expected.Rules.Select(r => r.Points), actual.Rules.Select(r => r.Points), (a, b) => Math.Abs(a - b) <= 1e-9);
        }
    }

    [Property(MaxTest = 200)]
    public void Json_round_trip_gives_an_equal_model_that_scores_identically(Seed seed)
    {
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        var reloaded = ScoringModel.FromJson(model.ToJson());
        Assert.Equal(model, reloaded);
        Assert.Equal(model.GetHashCode(), reloaded.GetHashCode());
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            Assert.Equal(Snapshot(model.Explain(lead, AsOf)), Snapshot(reloaded.Explain(lead, AsOf)));
        }
    }

    [Property(MaxTest = 200)]
    public void The_allocation_free_result_carries_the_explained_disqualifiers_and_probability(Seed seed)
    {
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            var score = model.Score(lead, AsOf);
            var explanation = model.Explain(lead, AsOf);
            Assert.Equal(explanation.DisqualifiedBy, [.. score.DisqualifiedBy]);
            Assert.Equal(explanation.DisqualifiedBy.Count, score.DisqualifiedBy.Count);
            Assert.Equal(score.IsDisqualified, score.Stage == LeadScore.DisqualifiedStage);
            Assert.Equal(explanation.Result.Probability, score.Probability);
            Assert.True(score.Probability is null or (>= 0 and <= 1));
        }
    }

    [Property(MaxTest = 200)]
    public void A_copy_of_a_tagged_activity_never_changes_an_each_rule_that_counts_distinct_tags(Seed seed)
    {
        var random = RandomRuleSet.Create(seed);
        var model = ScoringModel.FromJson(random.Json);
        using var document = System.Text.Json.JsonDocument.Parse(random.Json);
        var distinctEachRules = document.RootElement.GetProperty("rules").EnumerateArray()
            .Where(r => r.TryGetProperty("each", out var each) && each.TryGetProperty("distinctTags", out var d) && d.GetBoolean())
            .Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        var rng = new Random(seed);
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            var tagged = lead.Activities.ToArray().Where(a => a.Tag is not null).ToArray();
            if (tagged.Length == 0)
            {
                continue;
            }

            var before = model.Explain(lead, AsOf).Rules.ToDictionary(r => r.Id, r => r.Points);
            var copy = tagged[rng.Next(tagged.Length)];
            lead.AddActivity(copy.Type.ToUpperInvariant(), copy.At.AddSeconds(-rng.Next(0, 2)), rng.Next(2) == 0 ? copy.Tag : copy.Tag!.ToLowerInvariant());
            var after = model.Explain(lead, AsOf).Rules.ToDictionary(r => r.Id, r => r.Points);
            foreach (string id in distinctEachRules)
            {
                Assert.Equal(before.GetValueOrDefault(id), after.GetValueOrDefault(id), 12);
            }
        }
    }

    [Property(MaxTest = 100)]
    public void Max_per_day_never_counts_more_than_n_activities_of_a_utc_day(byte perDay, byte activities, Seed seed)
    {
        int n = (perDay % 5) + 1;
        int count = activities % 40;
        var model = ScoringModel.FromJson(TestRuleSets.Json(
            $$"""{ "id": "e", "category": "onlineBehaviour", "points": 1, "each": { "activity": "v", "maxPerDay": {{n}} } }"""));
        var rng = new Random(seed);
        var day = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var lead = new Lead("L");
        for (int i = 0; i < count; i++)
        {
            // Offsets move the local date, never the UTC day.
            lead.AddActivity("v", day.AddSeconds(rng.Next(86_400)).ToOffset(TimeSpan.FromHours(rng.Next(-12, 13))), rng.Next(2) == 0 ? null : "t");
        }

        Assert.Equal(Math.Min(count, n), model.Score(lead, AsOf).OnlineBehaviour);
    }

    [Property(MaxTest = 200)]
    public void Score_changes_are_the_differences_of_the_two_explanations_and_add_up_when_no_category_clamps(Seed seed, byte daysEarlier)
    {
        var random = RandomRuleSet.Create(seed);
        var model = ScoringModel.FromJson(random.Json);
        bool categoryClamps = random.Json.Contains("\"categories\": {", StringComparison.Ordinal);
        var since = AsOf.AddDays(-(daysEarlier + 0.25));
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            var change = model.ExplainChange(lead, since, AsOf);
            var before = model.Explain(lead, since);
            var after = model.Explain(lead, AsOf);
            Assert.Equal(before.Result.Score, change.Before.Score);
            Assert.Equal(after.Result.Score, change.After.Score);
            var b = before.Rules.ToDictionary(r => r.Id, r => r.Points);
            var a = after.Rules.ToDictionary(r => r.Id, r => r.Points);
            var expected = a.Keys.Union(b.Keys).Select(id => (Id: id, Delta: a.GetValueOrDefault(id) - b.GetValueOrDefault(id)))
                .Where(d => Math.Abs(d.Delta) > 1e-9).ToDictionary(d => d.Id, d => d.Delta);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), change.Changes.Select(c => c.Id).Order(StringComparer.Ordinal));
            Assert.All(change.Changes, c => Assert.Equal(expected[c.Id], c.Points, 12));
            if (!categoryClamps)
            {
                double moved = (change.After.Fit + change.After.Engagement) - (change.Before.Fit + change.Before.Engagement);
                Assert.Equal(moved, change.Changes.Sum(c => c.Points), 6);
            }
        }
    }

    [Property(MaxTest = 200)]
    public void Activity_order_does_not_matter(Seed seed)
    {
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        var random = new Random(seed);
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            var shuffled = new Lead(lead.Id);
            foreach (var attribute in lead.Attributes)
            {
                shuffled.Set(attribute.Name, attribute.Value);
            }

            var activities = lead.Activities.ToArray();
            random.Shuffle(activities);
            foreach (var activity in activities)
            {
                shuffled.AddActivity(activity);
            }

            AssertClose(model.Explain(lead, AsOf), model.Explain(shuffled, AsOf));
        }
    }

    [Property(MaxTest = 200)]
    public void Moving_as_of_later_never_grows_an_each_rule(Seed seed, byte daysLater)
    {
        var random = RandomRuleSet.Create(seed);
        var model = ScoringModel.FromJson(random.Json);
        var eachRules = EachRuleIds(random.Json);
        var later = AsOf.AddDays(daysLater + 0.5);
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf, pastOnly: true))
        {
            var before = model.Explain(lead, AsOf).Rules.ToDictionary(r => r.Id, r => r.Points);
            foreach (var rule in model.Explain(lead, later).Rules.Where(r => eachRules.Contains(r.Id)))
            {
                Assert.True(Math.Abs(rule.Points) <= Math.Abs(before.GetValueOrDefault(rule.Id)) + 1e-9, $"{rule.Id}: {before.GetValueOrDefault(rule.Id)} -> {rule.Points}");
            }
        }
    }

    [Property(MaxTest = 200)]
    public void Decay_never_raises_a_rule_contribution(Seed seed)
    {
        var withDecay = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        var withoutDecay = ScoringModel.FromJson(RandomRuleSet.Create(seed, withDecay: false).Json);
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            var undecayed = withoutDecay.Explain(lead, AsOf).Rules.ToDictionary(r => r.Id, r => r.Points);
            foreach (var rule in withDecay.Explain(lead, AsOf).Rules.Where(r => r.Id != "inactivity"))
            {
                Assert.True(Math.Abs(rule.Points) <= Math.Abs(undecayed.GetValueOrDefault(rule.Id)) + 1e-9, $"{rule.Id}: {undecayed.GetValueOrDefault(rule.Id)} -> {rule.Points}");
            }
        }
    }

    [Property(MaxTest = 200)]
    public void Caps_and_clamps_hold_and_no_number_is_nan_or_infinite(Seed seed)
    {
        var random = RandomRuleSet.Create(seed);
        var model = ScoringModel.FromJson(random.Json);
        using var document = System.Text.Json.JsonDocument.Parse(random.Json);
        var root = document.RootElement;
        var maxPoints = root.GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.TryGetProperty("maxPoints", out var m) ? m.GetDouble() : double.PositiveInfinity);
        double min = root.TryGetProperty("range", out var range) ? range.GetProperty("min").GetDouble() : 0;
        double max = root.TryGetProperty("range", out range) ? range.GetProperty("max").GetDouble() : 100;

        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            var explanation = model.Explain(lead, AsOf);
            var result = explanation.Result;
            double[] numbers = [result.Score, result.Fit, result.Engagement, .. Enum.GetValues<ScoreCategory>().Select(c => result[c]), .. explanation.Rules.Select(r => r.Points)];
            Assert.All(numbers, n => Assert.True(double.IsFinite(n)));
            Assert.InRange(result.Score, min, max);
            foreach (var rule in explanation.Rules.Where(r => r.Id != "inactivity"))
            {
                Assert.True(Math.Abs(rule.Points) <= maxPoints[rule.Id], $"{rule.Id} {rule.Points} exceeds maxPoints {maxPoints[rule.Id]}");
            }

            if (root.TryGetProperty("categories", out var categories))
            {
                foreach (var category in categories.EnumerateObject())
                {
                    int index = Array.IndexOf(["demographic", "companyFit", "onlineBehaviour", "emailEngagement", "socialEngagement", "decay"], category.Name);
                    Assert.InRange(result[(ScoreCategory)index], category.Value.GetProperty("min").GetDouble(), category.Value.GetProperty("max").GetDouble());
                }
            }

            if (root.TryGetProperty("inactivity", out var inactivity) && inactivity.TryGetProperty("maxPenalty", out var penalty))
            {
                Assert.All(explanation.Rules.Where(r => r.Id == "inactivity"), r => Assert.True(Math.Abs(r.Points) <= penalty.GetDouble()));
            }

            Assert.Equal(result.Score, model.Score(lead, AsOf).Score);
        }
    }

    [Property(MaxTest = 20)]
    public void Scoring_from_many_threads_on_one_model_matches_sequential_scoring(Seed seed)
    {
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        var leads = RandomRuleSet.Leads(seed, 400, AsOf);
        var sequential = new LeadScore[leads.Count];
        model.ScoreBatch(leads.ToArray(), AsOf, sequential);
        var parallel = new LeadScore[leads.Count];
        model.ScoreBatchParallel(leads, AsOf, parallel, maxDegreeOfParallelism: 4);
        Assert.Equal(sequential.Select(s => (s.Score, s.Fit, s.Engagement, s.Stage, s.Grade)), parallel.Select(s => (s.Score, s.Fit, s.Engagement, s.Stage, s.Grade)));

        var threaded = new LeadScore[leads.Count];
        Parallel.For(0, leads.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => threaded[i % leads.Count] = model.Score(leads[i % leads.Count], AsOf));
        Assert.Equal(sequential.Select(s => s.Score), threaded.Select(s => s.Score));
    }

    private static HashSet<string> EachRuleIds(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("rules").EnumerateArray().Where(r => r.TryGetProperty("each", out _)).Select(r => r.GetProperty("id").GetString()!)];
    }

    private static string Snapshot(LeadScoreExplanation e) =>
        $"{e.Result} | {string.Join(",", e.Rules)} | {string.Join(",", e.DisqualifiedBy)} | {e.NextStage} | " +
        string.Join(",", Enum.GetValues<ScoreCategory>().Select(c => e.Result[c].ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private static void AssertClose(LeadScoreExplanation expected, LeadScoreExplanation actual)
    {
        Assert.Equal(expected.Result.Score, actual.Result.Score, 9);
        Assert.Equal(expected.Result.Fit, actual.Result.Fit, 9);
        Assert.Equal(expected.Result.Engagement, actual.Result.Engagement, 9);
        Assert.Equal(expected.Result.Stage, actual.Result.Stage);
        Assert.Equal(expected.Result.Grade, actual.Result.Grade);
        Assert.Equal(expected.DisqualifiedBy, actual.DisqualifiedBy);
        Assert.Equal(expected.Rules.Select(r => r.Id), actual.Rules.Select(r => r.Id));
    }
}
