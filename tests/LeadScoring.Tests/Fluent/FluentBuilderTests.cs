using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Fluent;

/// <summary>The fluent builder: same model as JSON, same validation, JSON paths in its errors.</summary>
public sealed class FluentBuilderTests
{
    [Fact]
    public void The_readme_example_builds_and_scores()
    {
        var model = ScoringModel.CreateBuilder()
            .When("exec", ScoreCategory.Demographic, 15, Condition.Field("jobTitle", ValueTest.ContainsAny("VP", "Chief")))
            .Each("pricing", ScoreCategory.OnlineBehaviour, 5, ActivityFilter.OfType("pricing_page_view").Within(90), maxPoints: 15)
            .HalfLifeDecay(30).Stage("IQL", when: Condition.Field("email", ValueTest.Exists())).Stage("MQL", minScore: 40).Build();
        var asOf = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        LeadScore result = model.Score(new Lead("L-1").Set("jobTitle", "VP Sales").AddActivity("pricing_page_view", asOf.AddDays(-2)), asOf);

        Assert.Equal(15 + (5 * Math.Pow(0.5, 2.0 / 30)), result.Score, 12);
        Assert.Null(result.Stage); // no email: not even IQL

        var fromJson = ScoringModel.FromJson("""
            { "schemaVersion": 1, "name": "b2b", "rules": [
                { "id": "exec", "category": "demographic", "points": 15, "when": { "field": "jobTitle", "op": "containsAny", "value": ["VP", "Chief"] } },
                { "id": "pricing", "category": "onlineBehaviour", "points": 5, "maxPoints": 15, "each": { "activity": "pricing_page_view", "withinDays": 90 } } ],
              "decay": { "halfLifeDays": 30 },
              "stages": [ { "name": "IQL", "when": { "field": "email", "op": "exists" } }, { "name": "MQL", "minScore": 40 } ] }
            """);
        Assert.Equal("b2b", fromJson.Name);
        Assert.Equal(result.Score, fromJson.Score(new Lead("L-1").Set("jobTitle", "VP Sales").AddActivity("pricing_page_view", asOf.AddDays(-2)), asOf).Score);
    }

    [Fact]
    public void Builder_reports_every_problem_with_the_json_path_of_the_equivalent_rule_set()
    {
        var builder = ScoringModel.CreateBuilder()
            .When("a", ScoreCategory.Demographic, 5, Condition.Field("x", ValueTest.Between(10, 1)))
            .When("a", ScoreCategory.Demographic, double.NaN, Condition.Field("x", ValueTest.Matches("(?<=a)b")))
            .Each("", ScoreCategory.OnlineBehaviour, 1, ActivityFilter.OfType())
            .When("d", ScoreCategory.Decay, 1, null!)
            .HalfLifeDecay(0)
            .Inactivity(afterDays: 1, everyDays: -1, points: 2)
            .Stage("S", when: Condition.Activity("x").AtLeast(0))
            .Range(50, 10);

        var ex = Assert.Throws<RuleSetValidationException>(builder.Build);
        Assert.Equal(
            [
                "$.range.min", "$.rules[0].when.value", "$.rules[1].points", "$.rules[1].when.value", "$.rules[2].id",
                "$.rules[2].each.activity", "$.rules[3].when", "$.rules[1].id", "$.decay.halfLifeDays", "$.inactivity.everyDays",
                "$.stages[0].when.minCount",
            ],
            ex.Errors.Select(e => e.Path));
        Assert.Contains("finite", ex.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_null_arguments_become_validation_errors_not_crashes()
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.CreateBuilder()
            .When(null!, ScoreCategory.Demographic, 1, Condition.All(null!))
            .Each("e", ScoreCategory.Demographic, 1, ActivityFilter.OfType(null!))
            .Disqualify("q", Condition.Not(null!))
            .Build());
        Assert.Equal(["$.rules[0].id", "$.rules[0].when.all", "$.rules[1].each.activity", "$.disqualify[0].when.not"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Conditions_print_as_rule_set_json()
    {
        Assert.Equal("""{"field":"jobTitle","op":"containsAny","value":["VP","Chief"]}""", Condition.Field("jobTitle", ValueTest.ContainsAny("VP", "Chief")).ToString());
        Assert.Equal("""{"activity":["a","b"],"minCount":2,"withinDays":30,"tag":{"op":"startsWith","value":"/p"}}""",
            Condition.Activity("a", "b").Within(30).WithTag(ValueTest.StartsWith("/p")).AtLeast(2).ToString());
        Assert.Equal("""{"not":{"any":[]}}""", Condition.Not(Condition.Any()).ToString());
    }

    [Fact]
    public void Building_blocks_do_not_change_when_the_callers_arrays_do()
    {
        Condition[] items = [Condition.Field("a", ValueTest.Exists())];
        AttributeValue[] values = ["x"];
        var all = Condition.All(items);
        var inList = ValueTest.In(values);
        items[0] = Condition.Field("b", ValueTest.Missing());
        values[0] = "y";
        Assert.Equal("""{"all":[{"field":"a","op":"exists"}]}""", all.ToString());
        Assert.Equal("""{"op":"in","value":["x"]}""", inList.ToString());
    }

    [Fact]
    public void The_default_rule_set_round_trips_and_covers_all_six_categories()
    {
        var model = ScoringModel.Default;
        Assert.Equal("b2b-default", model.Name);
        Assert.Same(model, ScoringModel.Default);
        Assert.Equal(model, ScoringModel.BuiltIn("default"));
        Assert.Equal(model, ScoringModel.FromJson(model.ToJson()));
        Assert.Equal(["IQL", "MQL", "SQL"], model.StageNames);

        using var document = System.Text.Json.JsonDocument.Parse(model.ToJson());
        var root = document.RootElement;
        var categories = root.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("category").GetString()).ToHashSet();
        Assert.Equal(5, categories.Count); // the sixth, decay, is fed by inactivity
        Assert.True(root.TryGetProperty("inactivity", out _));
        Assert.Equal(30, root.GetProperty("decay").GetProperty("halfLifeDays").GetDouble());
        Assert.All(root.GetProperty("rules").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("description").GetString())));
        Assert.Equal(["competitor", "student"], root.GetProperty("disqualify").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Fact]
    public void The_default_rule_set_separates_the_funnel()
    {
        var leads = File.ReadLines(Path.Combine(TestPaths.Samples, "leads.jsonl")).Select(LeadJson.Parse).ToDictionary(l => l.Id);
        var asOf = TestRuleSets.AsOf;
        var model = ScoringModel.Default;
        Assert.Equal("SQL", model.Score(leads["L-1001"], asOf).Stage);
        Assert.Equal("MQL", model.Score(leads["L-1002"], asOf).Stage);
        Assert.Equal("IQL", model.Score(leads["L-1003"], asOf).Stage);
        Assert.Equal(["competitor"], model.Explain(leads["L-1004"], asOf).DisqualifiedBy);
        Assert.Equal(["student"], model.Explain(leads["L-1005"], asOf).DisqualifiedBy);
        Assert.Equal(-25, model.Score(leads["L-1006"], asOf).Decay); // gone quiet since June: the penalty is capped
        Assert.Equal("A", model.Score(leads["L-1001"], asOf).Grade);
    }
}
