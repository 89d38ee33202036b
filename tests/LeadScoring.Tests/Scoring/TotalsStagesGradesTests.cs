using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>SPEC 3.4 totals and clamps, 3.5 disqualification, stages and grades.</summary>
public sealed class TotalsStagesGradesTests
{
    private static readonly ScoringModel Funnel = ScoringModel.FromJson("""
        {
          "schemaVersion": 1,
          "range": { "min": -50, "max": 60 },
          "categories": { "demographic": { "max": 20 }, "emailEngagement": { "min": -5 } },
          "rules": [
            { "id": "title", "category": "demographic", "points": 15, "when": { "field": "title", "op": "exists" } },
            { "id": "senior", "category": "demographic", "points": 15, "when": { "field": "senior", "op": "isTrue" } },
            { "id": "size", "category": "companyFit", "points": 20, "when": { "field": "employees", "op": "gte", "value": 100 } },
            { "id": "views", "category": "onlineBehaviour", "points": 10, "each": { "activity": "view" } },
            { "id": "unsub", "category": "emailEngagement", "points": -30, "when": { "activity": "unsubscribe" } }
          ],
          "disqualify": [
            { "id": "competitor", "when": { "field": "competitor", "op": "isTrue" } },
            { "id": "student", "when": { "field": "student", "op": "isTrue" } }
          ],
          "stages": [
            { "name": "IQL", "when": { "field": "email", "op": "exists" } },
            { "name": "MQL", "minScore": 30, "minFit": 10 },
            { "name": "SQL", "minScore": 50, "minEngagement": 20, "when": { "field": "budget", "op": "isTrue" } }
          ],
          "grades": [ { "grade": "A", "minFit": 35 }, { "grade": "B", "minFit": 20 } ],
          "defaultGrade": "E"
        }
        """);

    private static Lead Lead(int views = 0, bool email = true, bool budget = false) =>
        Lead(views, email, budget, []);

    private static Lead Lead(int views, bool email, bool budget, (string Name, AttributeValue Value)[] extra)
    {
        var lead = new Lead("L").Set("title", "VP").Set("senior", true).Set("employees", 500);
        if (email)
        {
            lead.Set("email", "a@b.c");
        }

        if (budget)
        {
            lead.Set("budget", true);
        }

        foreach (var (name, value) in extra)
        {
            lead.Set(name, value);
        }

        for (int i = 0; i < views; i++)
        {
            lead.AddActivity("view", TestRuleSets.AsOf.AddHours(-i - 1));
        }

        return lead;
    }

    [Fact]
    public void Categories_clamp_then_fit_and_engagement_sum_unclamped_then_score_clamps_to_the_range()
    {
        var lead = Lead(views: 6);
        lead.AddActivity("unsubscribe", TestRuleSets.AsOf.AddDays(-1));
        var score = Funnel.Score(lead, TestRuleSets.AsOf);
        Assert.Equal(20, score.Demographic); // 30 clamped to 20
        Assert.Equal(20, score.CompanyFit);
        Assert.Equal(60, score.OnlineBehaviour);
        Assert.Equal(-5, score.EmailEngagement); // -30 clamped to -5
        Assert.Equal(40, score.Fit);
        Assert.Equal(55, score.Engagement);
        Assert.Equal(60, score.Score); // 95 clamped to the range max

        var explanation = Funnel.Explain(lead, TestRuleSets.AsOf);
        Assert.Equal(
            [new("title", ScoreCategory.Demographic, 15), new("senior", ScoreCategory.Demographic, 15), new("size", ScoreCategory.CompanyFit, 20),
             new("views", ScoreCategory.OnlineBehaviour, 60), new("unsub", ScoreCategory.EmailEngagement, -30)],
            explanation.Rules);
    }

    [Fact]
    public void Score_clamps_at_the_range_minimum()
    {
        var model = ScoringModel.FromJson(TestRuleSets.Json("""{ "id": "n", "category": "companyFit", "points": -40, "when": { "all": [] } }"""));
        var score = model.Score(new Lead("L"), TestRuleSets.AsOf);
        Assert.Equal(0, score.Score);
        Assert.Equal(-40, score.Fit);
    }

    [Fact]
    public void Stages_are_cumulative()
    {
        Assert.Equal("MQL", Funnel.Score(Lead(views: 1), TestRuleSets.AsOf).Stage);
        Assert.Equal("SQL", Funnel.Score(Lead(views: 2, budget: true), TestRuleSets.AsOf).Stage);

        // Meets SQL's own requirements but not IQL's: no stage at all.
        var noEmail = Funnel.Score(Lead(views: 2, email: false, budget: true), TestRuleSets.AsOf);
        Assert.Null(noEmail.Stage);
    }

    [Fact]
    public void Explanation_says_what_the_next_stage_still_needs()
    {
        var explanation = Funnel.Explain(Lead(views: 0, budget: false), TestRuleSets.AsOf); // score 40: MQL
        Assert.Equal("MQL", explanation.Result.Stage);
        Assert.Equal(new StageGap("SQL", 10, 0, 20, false), explanation.NextStage);

        var top = Funnel.Explain(Lead(views: 2, budget: true), TestRuleSets.AsOf);
        Assert.Null(top.NextStage);
    }

    [Fact]
    public void Disqualifiers_are_all_listed_in_order_and_scores_are_still_computed()
    {
        var lead = Lead(views: 1, email: true, budget: true, [("student", true), ("competitor", true)]);
        var explanation = Funnel.Explain(lead, TestRuleSets.AsOf);
        Assert.Equal(["competitor", "student"], explanation.DisqualifiedBy);
        Assert.Equal(LeadScore.DisqualifiedStage, explanation.Result.Stage);
        Assert.True(explanation.Result.IsDisqualified);
        Assert.Equal(50, explanation.Result.Score);
        Assert.Null(explanation.NextStage);
    }

    [Fact]
    public void Grade_is_the_first_whose_min_fit_is_met_else_the_default()
    {
        Assert.Equal("A", Funnel.Score(Lead(), TestRuleSets.AsOf).Grade); // fit 40
        Assert.Equal("B", Funnel.Score(new Lead("L").Set("employees", 100), TestRuleSets.AsOf).Grade); // fit 20
        Assert.Equal("E", Funnel.Score(new Lead("L"), TestRuleSets.AsOf).Grade);
    }

    [Fact]
    public void Without_grades_or_stages_both_are_null()
    {
        var score = TestRuleSets.When("""{ "all": [] }""").Score(new Lead("L"), TestRuleSets.AsOf);
        Assert.Null(score.Grade);
        Assert.Null(score.Stage);
        Assert.Equal(10, score.Score);
    }

    [Fact]
    public void Default_grade_is_D()
    {
        var model = ScoringModel.FromJson(TestRuleSets.Json(
            """{ "id": "r", "category": "demographic", "points": 1, "when": { "all": [] } }""",
            """ "grades": [ { "grade": "A", "minFit": 50 } ] """));
        Assert.Equal("D", model.Score(new Lead("L"), TestRuleSets.AsOf).Grade);
    }
}
