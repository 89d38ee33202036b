using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>Counting repeats once: <c>distinctTags</c> and <c>maxPerDay</c> in activity conditions and each rules.</summary>
public sealed class RepeatLimitTests
{
    private static readonly DateTimeOffset AsOf = TestRuleSets.AsOf;

    private static ScoringModel Each(string limits, string extra = "") => ScoringModel.FromJson(TestRuleSets.Json(
        $$"""{ "id": "e", "category": "emailEngagement", "points": 10, "each": { "activity": "email_open"{{limits}} } }""", extra));

    private static double Points(ScoringModel model, Lead lead) => model.Score(lead, AsOf).EmailEngagement;

    [Fact]
    public void The_same_newsletter_opened_five_times_counts_once_with_distinct_tags()
    {
        var lead = new Lead("L");
        for (int i = 0; i < 5; i++)
        {
            lead.AddActivity("email_open", AsOf.AddDays(-i - 1), i % 2 == 0 ? "newsletter-10" : "NEWSLETTER-10");
        }

        Assert.Equal(50, Points(Each(string.Empty), lead));
        Assert.Equal(10, Points(Each(""", "distinctTags": true"""), lead));
        Assert.Equal(50, Points(Each(""", "distinctTags": false"""), lead));
    }

    [Fact]
    public void Distinct_tags_keep_the_most_recent_of_each_tag_and_every_untagged_activity()
    {
        // With decay, which activity is kept matters: the most recent one, whatever its type among those listed.
        var model = ScoringModel.FromJson(TestRuleSets.Json(
            """{ "id": "e", "category": "emailEngagement", "points": 8, "each": { "activity": ["email_open", "email_click"], "distinctTags": true } }""",
            """ "decay": { "halfLifeDays": 1 } """));
        var lead = new Lead("L")
            .AddActivity("email_open", AsOf.AddDays(-3), "a")
            .AddActivity("email_click", AsOf.AddDays(-1), "A")
            .AddActivity("email_open", AsOf.AddDays(-2), null)
            .AddActivity("email_open", AsOf.AddDays(-2), null)
            .AddActivity("email_open", AsOf.AddDays(-1), string.Empty)
            .AddActivity("email_open", AsOf.AddDays(-3), string.Empty);
        double expected = (8 * 0.5) + (2 * 8 * 0.25) + (8 * 0.5); // "a"/"A" at 1 day, two untagged at 2 days, "" at 1 day
        Assert.Equal(expected, Points(model, lead), 12);
    }

    [Fact]
    public void Max_per_day_keeps_the_most_recent_activities_of_each_utc_day()
    {
        var model = ScoringModel.FromJson(TestRuleSets.Json(
            """{ "id": "e", "category": "emailEngagement", "points": 8, "each": { "activity": "email_open", "maxPerDay": 2 } }""",
            """ "decay": { "halfLifeDays": 1 } """));

        // Three on the UTC day before as-of (written with offsets that put them on other local days), one the day before.
        var lead = new Lead("L")
            .AddActivity("email_open", new DateTimeOffset(2026, 10, 31, 1, 0, 0, TimeSpan.FromHours(5)), null) // 2026-10-30T20:00Z
            .AddActivity("email_open", new DateTimeOffset(2026, 10, 31, 6, 0, 0, TimeSpan.Zero), null)
            .AddActivity("email_open", new DateTimeOffset(2026, 10, 30, 23, 0, 0, TimeSpan.FromHours(-2)), null) // 2026-10-31T01:00Z
            .AddActivity("email_open", new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero), null);
        static double W(DateTimeOffset at) => 8 * Math.Pow(0.5, (AsOf - at).TotalDays);
        double expected = W(new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero)) + W(new DateTimeOffset(2026, 10, 31, 6, 0, 0, TimeSpan.Zero))
            + W(new DateTimeOffset(2026, 10, 30, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal(expected, Points(model, lead), 12);
    }

    [Fact]
    public void Distinct_tags_apply_before_max_per_day()
    {
        // Same day: tags a, a, b, c. distinctTags leaves a, b, c; maxPerDay 2 then keeps two of them.
        var lead = new Lead("L")
            .AddActivity("email_open", AsOf.AddHours(-1), "a")
            .AddActivity("email_open", AsOf.AddHours(-2), "a")
            .AddActivity("email_open", AsOf.AddHours(-3), "b")
            .AddActivity("email_open", AsOf.AddHours(-4), "c");
        Assert.Equal(20, Points(Each(""", "distinctTags": true, "maxPerDay": 2"""), lead));
        Assert.Equal(30, Points(Each(""", "distinctTags": true"""), lead));
        Assert.Equal(20, Points(Each(""", "maxPerDay": 2"""), lead));
    }

    [Fact]
    public void Activity_conditions_count_only_what_the_limits_keep()
    {
        var lead = new Lead("L");
        for (int i = 0; i < 300; i++)
        {
            lead.AddActivity("pricing_page_view", AsOf.AddMinutes(-i - 1), "/pricing"); // a bot, all in one day
        }

        Assert.True(TestRuleSets.Fires("""{ "activity": "pricing_page_view", "minCount": 300 }""", lead));
        Assert.False(TestRuleSets.Fires("""{ "activity": "pricing_page_view", "minCount": 4, "maxPerDay": 3 }""", lead));
        Assert.True(TestRuleSets.Fires("""{ "activity": "pricing_page_view", "minCount": 3, "maxPerDay": 3 }""", lead));
        Assert.False(TestRuleSets.Fires("""{ "activity": "pricing_page_view", "minCount": 2, "distinctTags": true }""", lead));
    }

    [Fact]
    public void Limits_apply_after_the_type_age_and_tag_filters()
    {
        var lead = new Lead("L")
            .AddActivity("email_open", AsOf.AddHours(-1), "x")
            .AddActivity("email_open", AsOf.AddHours(-2), "y")
            .AddActivity("email_open", AsOf.AddHours(-3), "y")
            .AddActivity("other", AsOf.AddHours(-2), "z");

        // The most recent activity of the day fails the tag test, so the day's two allowed activities are both "y".
        Assert.Equal(20, Points(Each(""", "maxPerDay": 2, "tag": { "op": "eq", "value": "y" }"""), lead));
        Assert.Equal(20, Points(Each(""", "distinctTags": true, "withinDays": 1"""), lead));
    }

    [Fact]
    public void A_hundred_thousand_activities_in_one_day_score_quickly_and_allocate_nothing_once_warm()
    {
        var model = Each(""", "distinctTags": true, "maxPerDay": 3""");
        var lead = new Lead("L");
        for (int i = 0; i < 100_000; i++)
        {
            lead.AddActivity("email_open", AsOf.AddSeconds(-i - 1), "t" + (i % 1000));
        }

        Assert.Equal(30, Points(model, lead));
        double points = Points(model, lead); // warm
        long before = GC.GetAllocatedBytesForCurrentThread();
        points += Points(model, lead);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(60, points);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Fluent_limits_write_and_read_the_same_json()
    {
        var model = ScoringModel.CreateBuilder()
            .Each("e", ScoreCategory.EmailEngagement, 10, ActivityFilter.OfType("email_open").OncePerTag().AtMostPerDay(2))
            .When("c", ScoreCategory.OnlineBehaviour, 5, Condition.Activity("page_view").AtMostPerDay(1).OncePerTag().AtLeast(3))
            .Build();
        Assert.Equal(ScoringModel.FromJson(model.ToJson()), model);
        Assert.Contains("\"distinctTags\": true", model.ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"maxPerDay\": 2", model.ToJson(), StringComparison.Ordinal);
        Assert.Equal(
            ScoringModel.FromJson(TestRuleSets.Json("""
                { "id": "e", "category": "emailEngagement", "points": 10, "each": { "activity": "email_open", "distinctTags": true, "maxPerDay": 2 } },
                { "id": "c", "category": "onlineBehaviour", "points": 5, "when": { "activity": "page_view", "minCount": 3, "distinctTags": true, "maxPerDay": 1 } }
                """)),
            model);
    }

    [Theory]
    [InlineData(""", "maxPerDay": 0""", "$.rules[0].each.maxPerDay", "positive whole number")]
    [InlineData(""", "maxPerDay": 1.5""", "$.rules[0].each.maxPerDay", "positive whole number")]
    [InlineData(""", "maxPerDay": 2e9""", "$.rules[0].each.maxPerDay", "positive whole number")]
    [InlineData(""", "maxPerDay": "3" """, "$.rules[0].each.maxPerDay", "positive whole number")]
    [InlineData(""", "distinctTags": "yes" """, "$.rules[0].each.distinctTags", "boolean")]
    [InlineData(""", "distinctTags": null""", "$.rules[0].each.distinctTags", "boolean")]
    [InlineData(""", "maxPerDays": 3""", "$.rules[0].each.maxPerDays", "did you mean 'maxPerDay'")]
    public void Invalid_limits_are_reported_at_their_path(string limits, string path, string message)
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => Each(limits));
        Assert.Contains(ex.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_fluent_limit_below_one_is_reported_at_its_path()
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.CreateBuilder()
            .Each("e", ScoreCategory.EmailEngagement, 10, ActivityFilter.OfType("email_open").AtMostPerDay(0)).Build());
        Assert.Contains(ex.Errors, e => e.Path == "$.rules[0].each.maxPerDay");
    }
}
