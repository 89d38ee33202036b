using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>SPEC 3.1 activity conditions, 3.2 each rules and maxPoints, 3.3 decay and inactivity.</summary>
public sealed class ActivityAndDecayTests
{
    private static ScoringModel Each(string each, string category = "onlineBehaviour", double points = 10, string extra = "", string maxPoints = "") =>
        ScoringModel.FromJson(TestRuleSets.Json(
            $$"""{ "id": "e", "category": "{{category}}", "points": {{points}}{{(maxPoints.Length > 0 ? ", \"maxPoints\": " + maxPoints : "")}}, "each": {{each}} }""", extra));

    [Fact]
    public void Activity_condition_counts_types_ignoring_case_within_the_age_limit()
    {
        const string condition = """{ "activity": ["Email_Open", "email_click"], "minCount": 2, "withinDays": 10 }""";
        Assert.True(TestRuleSets.Fires(condition, TestRuleSets.LeadWithActivities(("EMAIL_OPEN", 1, null), ("email_click", 10, null))));
        Assert.False(TestRuleSets.Fires(condition, TestRuleSets.LeadWithActivities(("email_open", 1, null), ("email_click", 10.001, null))));
        Assert.False(TestRuleSets.Fires(condition, TestRuleSets.LeadWithActivities(("email_open", 1, null), ("page_view", 1, null))));
    }

    [Fact]
    public void Activities_after_as_of_are_ignored_everywhere()
    {
        var lead = TestRuleSets.LeadWithActivities(("demo", -0.001, null));
        Assert.False(TestRuleSets.Fires("""{ "activity": "demo" }""", lead));
        Assert.Equal(0, Each("""{ "activity": "demo" }""").Score(lead, TestRuleSets.AsOf).OnlineBehaviour);

        // ...including inactivity: a future activity does not count as recent.
        var inactivity = ScoringModel.FromJson(TestRuleSets.Json(
            """{ "id": "e", "category": "demographic", "points": 0, "when": { "all": [] } }""",
            """ "inactivity": { "afterDays": 10, "everyDays": 10, "points": -1 } """));
        var mixed = TestRuleSets.LeadWithActivities(("demo", -5, null), ("demo", 25, null));
        Assert.Equal(-2, inactivity.Score(mixed, TestRuleSets.AsOf).Decay);
    }

    [Fact]
    public void A_type_listed_twice_counts_each_activity_once()
    {
        var model = Each("""{ "activity": ["a", "A", "a"] }""");
        Assert.Equal(20, model.Score(TestRuleSets.LeadWithActivities(("a", 1, null), ("a", 2, null)), TestRuleSets.AsOf).OnlineBehaviour);
    }

    [Fact]
    public void Tag_test_applies_to_the_tag_and_a_missing_tag_is_missing()
    {
        var lead = TestRuleSets.LeadWithActivities(("view", 1, "/pricing/enterprise"), ("view", 1, "/blog"), ("view", 1, null));
        Assert.Equal(10, Each("""{ "activity": "view", "tag": { "op": "startsWith", "value": "/PRICING" } }""").Score(lead, TestRuleSets.AsOf).OnlineBehaviour);
        Assert.Equal(10, Each("""{ "activity": "view", "tag": { "op": "missing" } }""").Score(lead, TestRuleSets.AsOf).OnlineBehaviour);
        // neq is false for a missing tag too.
        Assert.Equal(10, Each("""{ "activity": "view", "tag": { "op": "neq", "value": "/blog" } }""").Score(lead, TestRuleSets.AsOf).OnlineBehaviour);
    }

    [Fact]
    public void Half_life_decay_weights_each_activity()
    {
        var model = Each("""{ "activity": "view" }""", extra: """ "decay": { "halfLifeDays": 30 } """);
        var lead = TestRuleSets.LeadWithActivities(("view", 0, null), ("view", 30, null), ("view", 60, null));
        Assert.Equal(10 * (1 + 0.5 + 0.25), model.Score(lead, TestRuleSets.AsOf).OnlineBehaviour, 12);
    }

    [Fact]
    public void Expiry_decay_drops_activities_older_than_the_limit()
    {
        var model = Each("""{ "activity": "view" }""", extra: """ "decay": { "expireAfterDays": 30 } """);
        var lead = TestRuleSets.LeadWithActivities(("view", 0, null), ("view", 30, null), ("view", 30.5, null));
        Assert.Equal(20, model.Score(lead, TestRuleSets.AsOf).OnlineBehaviour);
    }

    [Fact]
    public void Decay_applies_only_to_its_categories_and_never_to_when_rules()
    {
        const string extra = """ "decay": { "halfLifeDays": 1, "categories": ["companyFit"] } """;
        var lead = TestRuleSets.LeadWithActivities(("view", 1, null));
        Assert.Equal(10, Each("""{ "activity": "view" }""", "onlineBehaviour", extra: extra).Score(lead, TestRuleSets.AsOf).OnlineBehaviour);
        Assert.Equal(5, Each("""{ "activity": "view" }""", "companyFit", extra: extra).Score(lead, TestRuleSets.AsOf).CompanyFit, 12);

        var when = ScoringModel.FromJson(TestRuleSets.Json(
            """{ "id": "w", "category": "companyFit", "points": 10, "when": { "activity": "view" } }""", extra));
        Assert.Equal(10, when.Score(lead, TestRuleSets.AsOf).CompanyFit);
    }

    [Fact]
    public void Default_decay_categories_are_the_three_engagement_categories()
    {
        const string extra = """ "decay": { "halfLifeDays": 1 } """;
        var lead = TestRuleSets.LeadWithActivities(("view", 1, null));
        foreach (string category in new[] { "onlineBehaviour", "emailEngagement", "socialEngagement" })
        {
            var score = Each("""{ "activity": "view" }""", category, extra: extra).Score(lead, TestRuleSets.AsOf);
            Assert.Equal(5, score.Engagement, 12);
        }

        foreach (string category in new[] { "demographic", "companyFit", "decay" })
        {
            var score = Each("""{ "activity": "view" }""", category, extra: extra).Score(lead, TestRuleSets.AsOf);
            Assert.Equal(10, score.Fit + score.Engagement);
        }
    }

    [Fact]
    public void MaxPoints_caps_by_magnitude_keeping_the_sign()
    {
        var lead = TestRuleSets.LeadWithActivities(("view", 1, null), ("view", 2, null), ("view", 3, null));
        Assert.Equal(25, Each("""{ "activity": "view" }""", maxPoints: "25").Score(lead, TestRuleSets.AsOf).OnlineBehaviour);
        Assert.Equal(-25, Each("""{ "activity": "view" }""", points: -10, maxPoints: "25").Score(lead, TestRuleSets.AsOf).OnlineBehaviour);
        Assert.Equal(0, Each("""{ "activity": "view" }""", maxPoints: "0").Score(lead, TestRuleSets.AsOf).OnlineBehaviour);
    }

    [Theory]
    [InlineData(5, 0)] // no activity older than afterDays: nothing
    [InlineData(30, 0)] // exactly afterDays: nothing (d <= A)
    [InlineData(30.5, -5)] // just past: one period
    [InlineData(44.9, -5)]
    [InlineData(45, -10)] // floor((45 - 30) / 15) + 1 = 2
    [InlineData(400, -20)] // capped by maxPenalty
    public void Inactivity_penalises_each_period_since_the_most_recent_activity(double daysSinceLast, double expected)
    {
        var model = ScoringModel.FromJson(TestRuleSets.Json(
            """{ "id": "w", "category": "demographic", "points": 0, "when": { "all": [] } }""",
            """ "inactivity": { "afterDays": 30, "everyDays": 15, "points": -5, "maxPenalty": 20 } """));
        var lead = TestRuleSets.LeadWithActivities(("other", daysSinceLast, null), ("other", daysSinceLast + 100, null));
        var explanation = model.Explain(lead, TestRuleSets.AsOf);
        Assert.Equal(expected, explanation.Result.Decay);
        if (expected != 0)
        {
            Assert.Equal(new RuleContribution("inactivity", ScoreCategory.Decay, expected), explanation.Rules[^1]);
        }
        else
        {
            Assert.Empty(explanation.Rules);
        }
    }

    [Theory]
    [InlineData(-1e9)]
    [InlineData(0)]
    public void An_overflowing_inactivity_count_still_gives_finite_numbers(double points)
    {
        var model = ScoringModel.FromJson(TestRuleSets.Json(
            """{ "id": "w", "category": "demographic", "points": 1, "when": { "all": [] } }""",
            $$""" "inactivity": { "afterDays": 0, "everyDays": 1e-300, "points": {{points}} } """));
        var lead = TestRuleSets.LeadWithActivities(("view", 36_000, null));
        var score = model.Score(lead, TestRuleSets.AsOf);
        Assert.True(double.IsFinite(score.Decay) && double.IsFinite(score.Engagement) && double.IsFinite(score.Score));
        Assert.Equal(points == 0 ? 0 : -double.MaxValue, score.Decay);

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new System.Text.Json.Utf8JsonWriter(buffer);
        LeadScoreJson.WriteResult(writer, lead.Id, model.Explain(lead, TestRuleSets.AsOf)); // throws on a non-finite number
    }

    [Fact]
    public void A_lead_without_activities_has_no_inactivity_penalty()
    {
        var model = ScoringModel.FromJson(TestRuleSets.Json(
            """{ "id": "w", "category": "demographic", "points": 1, "when": { "all": [] } }""",
            """ "inactivity": { "afterDays": 0, "everyDays": 1, "points": -5 } """));
        Assert.Equal(0, model.Score(new Lead("L"), TestRuleSets.AsOf).Decay);
    }

    [Fact]
    public void The_half_life_weight_is_within_the_specs_relative_error_of_pow_everywhere()
    {
        var random = new Random(3);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double halfLife = Math.Exp(random.NextDouble() * Math.Log(36_500)); // 1 .. 36,500 days, log-uniform
            double age = random.Next(4) == 0 ? random.NextDouble() * 36_500 : random.NextDouble() * halfLife * 60;
            double expected = Math.Pow(0.5, age / halfLife);
            double actual = new LeadScoring.Funnel.DecayWeight(new LeadScoring.Funnel.DecayDefinition(halfLife, null, null)).Of(age);
            if (expected > 1e-300) // subnormal weights keep too few bits for a relative error to mean anything
            {
                worst = Math.Max(worst, Math.Abs(actual - expected) / expected);
            }
        }

        Assert.True(worst < 1e-12, $"worst relative error {worst}");
    }
}
