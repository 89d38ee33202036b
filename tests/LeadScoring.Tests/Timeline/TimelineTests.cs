namespace LeadScoring.Tests.Timeline;

/// <summary>The two facts a host keeping leads needs: the retention horizon and when to look at a lead again.</summary>
public sealed class TimelineTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static ScoringModel Model(string rules, string extra = "") =>
        ScoringModel.FromJson($$"""{ "schemaVersion": 1, "rules": [ {{rules}} ]{{(extra.Length > 0 ? ", " + extra : "")}} }""");

    [Fact]
    public void The_horizon_is_the_longest_window_plus_a_second_and_inactivity_adds_nothing()
    {
        var model = Model(
            """
            { "id": "a", "category": "onlineBehaviour", "points": 5, "each": { "activity": "view", "withinDays": 90 } },
            { "id": "b", "category": "demographic", "points": 5, "when": { "activity": "demo", "withinDays": 120.5 } }
            """,
            """ "inactivity": { "afterDays": 400, "everyDays": 30, "points": -5 } """);
        Assert.Equal(TimeSpan.FromDays(120.5) + TimeSpan.FromSeconds(1), model.RetentionHorizon);
        Assert.Equal(TimeSpan.FromSeconds(1), Model("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "exists" } }""").RetentionHorizon);
    }

    [Fact]
    public void Counting_activities_of_any_age_anywhere_means_forever()
    {
        const string windowed = """{ "id": "a", "category": "onlineBehaviour", "points": 5, "each": { "activity": "view", "withinDays": 9 } }""";
        Assert.Null(Model(windowed + """, { "id": "b", "category": "demographic", "points": 1, "when": { "not": { "activity": "demo" } } }""").RetentionHorizon);
        Assert.Null(Model(windowed + """, { "id": "b", "category": "demographic", "points": 1, "each": { "activity": "demo" } }""").RetentionHorizon);
        Assert.Null(Model(windowed, """ "disqualify": [ { "id": "d", "when": { "activity": "spam" } } ] """).RetentionHorizon);
        Assert.Null(Model(windowed, """ "stages": [ { "name": "IQL", "when": { "activity": "signup", "minCount": 2 } } ] """).RetentionHorizon);

        // An each rule of a category that does not decay counts any age too...
        Assert.Null(Model("""{ "id": "b", "category": "demographic", "points": 1, "each": { "activity": "demo" } }""", """ "decay": { "halfLifeDays": 30 } """).RetentionHorizon);

        // ...but one worth 0 points never changes anything.
        Assert.Equal(TimeSpan.FromDays(9) + TimeSpan.FromSeconds(1), Model(windowed + """, { "id": "b", "category": "demographic", "points": 0, "each": { "activity": "demo" } }""").RetentionHorizon);
    }

    [Fact]
    public void Decay_bounds_an_each_rule_without_a_window()
    {
        const string each = """{ "id": "a", "category": "onlineBehaviour", "points": 8, "each": { "activity": "view" } }""";
        Assert.Equal(TimeSpan.FromDays(45) + TimeSpan.FromSeconds(1), Model(each, """ "decay": { "expireAfterDays": 45 } """).RetentionHorizon);

        // Half-life 30 days, 8 points: 8 x 0.5^(age/30) < 1e-9 past 30 x log2(8e9) days.
        double days = 30 * Math.Log2(8e9);
        var horizon = Model(each, """ "decay": { "halfLifeDays": 30 } """).RetentionHorizon!.Value;
        Assert.InRange(horizon.TotalDays, days, days + (2 / 86_400.0));
        Assert.True(8 * Math.Pow(0.5, horizon.TotalDays / 30) < 1e-9);

        // A window shorter than that wins.
        Assert.Equal(TimeSpan.FromDays(60) + TimeSpan.FromSeconds(1), Model(each.Replace("\"view\"", "\"view\", \"withinDays\": 60"), """ "decay": { "halfLifeDays": 30 } """).RetentionHorizon);
    }

    [Fact]
    public void The_built_in_rule_set_keeps_activities_forever_because_an_unsubscribe_counts_at_any_age()
    {
        Assert.Null(ScoringModel.Default.RetentionHorizon);
        string json = ScoringModel.Default.ToJson().Replace("\"email_unsubscribe\"", "\"email_unsubscribe\", \"withinDays\": 365").Replace("\"social_follow\"", "\"social_follow\", \"withinDays\": 365");
        // Then the each rules without a window bound it: email replies, 5 points, half-life 30 days.
        Assert.InRange(ScoringModel.FromJson(json).RetentionHorizon!.Value.TotalDays, 30 * Math.Log2(5e9), (30 * Math.Log2(5e9)) + (2 / 86_400.0));
    }

    [Fact]
    public void A_window_closing_is_the_next_change_one_second_after_its_last_counted_instant()
    {
        var model = Model(
            """{ "id": "demo", "category": "onlineBehaviour", "points": 50, "each": { "activity": "demo", "withinDays": 7 } }""",
            """ "stages": [ { "name": "MQL", "minScore": 40 } ] """);
        var lead = new Lead("L").AddActivity("demo", AsOf.AddDays(-6));
        Assert.Equal("MQL", model.Score(lead, AsOf).Stage);

        // Counted while its age is at most 7 days: at AsOf + 1 day it still is, a second later it is not.
        var next = model.NextChange(lead, AsOf, TimeSpan.FromDays(30));
        Assert.Equal(AsOf.AddDays(1).AddSeconds(1), next);
        Assert.Null(model.Score(lead, next!.Value).Stage);
        Assert.Equal("MQL", model.Score(lead, next.Value.AddSeconds(-1)).Stage);

        // Not within a shorter horizon.
        Assert.Null(model.NextChange(lead, AsOf, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void A_decaying_score_crossing_a_threshold_is_found_to_the_second()
    {
        var model = Model(
            """{ "id": "views", "category": "onlineBehaviour", "points": 40, "each": { "activity": "view" } }""",
            """ "decay": { "halfLifeDays": 10 }, "stages": [ { "name": "IQL" }, { "name": "MQL", "minScore": 20 } ] """);
        var lead = new Lead("L").AddActivity("view", AsOf.AddHours(-3));

        // 40 x 0.5^(age/10) falls below 20 when the view is 10 days old.
        var next = model.NextChange(lead, AsOf, TimeSpan.FromDays(365))!.Value;
        Assert.InRange(next, AsOf.AddDays(10).AddHours(-3), AsOf.AddDays(10).AddHours(-3).AddSeconds(1));
        Assert.Equal("IQL", model.Score(lead, next).Stage);
        Assert.Equal("MQL", model.Score(lead, next.AddSeconds(-1)).Stage);
    }

    [Fact]
    public void A_fast_decay_is_found_within_a_horizon_long_enough_for_its_sum_to_underflow()
    {
        // Half-life 1.728 s, looking a week ahead: the sum is 0 in doubles long before the horizon ends.
        var model = Model(
            """{ "id": "views", "category": "onlineBehaviour", "points": 60, "each": { "activity": "view" } }""",
            """ "decay": { "halfLifeDays": 0.00002 }, "stages": [ { "name": "IQL" }, { "name": "MQL", "minScore": 40 } ] """);
        var lead = new Lead("L").AddActivity("view", AsOf);
        var next = model.NextChange(lead, AsOf, TimeSpan.FromDays(7))!.Value;
        Assert.Equal(AsOf.AddSeconds(2), next); // 60 x 0.5^(t / 1.728 s) < 40 from t = 1.01 s
        Assert.Equal("IQL", model.Score(lead, next).Stage);
        Assert.Equal("MQL", model.Score(lead, next.AddSeconds(-1)).Stage);
    }

    [Fact]
    public void An_inactivity_step_and_a_grade_change_by_decay_are_found()
    {
        var inactive = Model(
            """{ "id": "fit", "category": "demographic", "points": 35, "when": { "all": [] } }""",
            """ "inactivity": { "afterDays": 30, "everyDays": 10, "points": -10 }, "stages": [ { "name": "MQL", "minScore": 30 } ] """);
        var lead = new Lead("L").AddActivity("email_open", AsOf.AddDays(-5));
        Assert.Equal(AsOf.AddDays(25).AddSeconds(1), inactive.NextChange(lead, AsOf, TimeSpan.FromDays(90)));

        // Decaying demographic points take the grade from A to B.
        var graded = Model(
            """{ "id": "fit", "category": "demographic", "points": 40, "each": { "activity": "webinar" } }""",
            """ "decay": { "halfLifeDays": 20, "categories": ["demographic"] }, "grades": [ { "grade": "A", "minFit": 30 }, { "grade": "B", "minFit": 10 } ] """);
        var attendee = new Lead("L").AddActivity("webinar", AsOf);
        var next = graded.NextChange(attendee, AsOf, TimeSpan.FromDays(365))!.Value;
        Assert.Equal("B", graded.Score(attendee, next).Grade);
        Assert.Equal("A", graded.Score(attendee, next.AddSeconds(-1)).Grade);
        Assert.InRange((next - AsOf).TotalDays, 20 * Math.Log2(40 / 30.0), (20 * Math.Log2(40 / 30.0)) + (1 / 86_400.0));
    }

    [Fact]
    public void An_activity_recorded_for_a_later_instant_changes_the_lead_when_it_is_reached()
    {
        var model = Model(
            """{ "id": "demo", "category": "onlineBehaviour", "points": 50, "when": { "activity": "demo" } }""",
            """ "stages": [ { "name": "MQL", "minScore": 40 } ] """);
        var lead = new Lead("L").AddActivity("demo", AsOf.AddMinutes(90));
        Assert.Equal(AsOf.AddMinutes(90), model.NextChange(lead, AsOf, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Nothing_to_change_is_null_and_the_offset_of_as_of_is_kept()
    {
        var model = Model("""{ "id": "a", "category": "demographic", "points": 50, "when": { "field": "x", "op": "exists" } }""", """ "stages": [ { "name": "MQL", "minScore": 40 } ] """);
        Assert.Null(model.NextChange(new Lead("L").Set("x", "y"), AsOf, TimeSpan.FromDays(3650)));
        Assert.Null(model.NextChange(new Lead("L"), AsOf, TimeSpan.FromMilliseconds(999)));

        var windowed = Model(
            """{ "id": "demo", "category": "onlineBehaviour", "points": 50, "each": { "activity": "demo", "withinDays": 1 } }""",
            """ "stages": [ { "name": "MQL", "minScore": 40 } ] """);
        var paris = new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(1));
        var next = windowed.NextChange(new Lead("L").AddActivity("demo", paris), paris, TimeSpan.FromDays(2));
        Assert.Equal(TimeSpan.FromHours(1), next!.Value.Offset);
        Assert.Equal(paris.AddDays(1).AddSeconds(1), next);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ScoringModel.Default.NextChange(null!, AsOf, TimeSpan.FromDays(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoringModel.Default.NextChange(new Lead("L"), AsOf, TimeSpan.FromSeconds(-1)));
    }
}
