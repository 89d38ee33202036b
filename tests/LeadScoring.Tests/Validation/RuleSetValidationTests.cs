using System.Text;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Validation;

/// <summary>SPEC section 4: every invalid rule set is rejected at load, with the JSON path of each problem.</summary>
public sealed class RuleSetValidationTests
{
    private const string Rule = """{ "id": "a", "category": "demographic", "points": 5, "when": { "all": [] } }""";

    public static TheoryData<string, string, string> InvalidRuleSets => new()
    {
        // document shape
        { "[]", "$", "expected a rule set" },
        { """{ "rules": [] }""", "$.schemaVersion", "required" },
        { """{ "schemaVersion": 2, "rules": [] }""", "$.schemaVersion", "expected 1" },
        { """{ "schemaVersion": 1 }""", "$.rules", "required" },
        { """{ "schemaVersion": 1, "rules": {} }""", "$.rules", "a list of rules" },
        { """{ "schemaVersion": 1, "rules": [], "nmae": "x" }""", "$.nmae", "did you mean 'name'" },
        { """{ "schemaVersion": 1, "rules": [], "name": "" }""", "$.name", "non-empty" },
        { """{ "schemaVersion": 1, "rules": [], "version": 1 }""", "$.version", "string" },
        // rules
        { TestRuleSets.Json("""{ "category": "demographic", "points": 5, "when": { "all": [] } }"""), "$.rules[0].id", "required" },
        { TestRuleSets.Json("""{ "id": "", "category": "demographic", "points": 5, "when": { "all": [] } }"""), "$.rules[0].id", "non-empty" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographics", "points": 5, "when": { "all": [] } }"""), "$.rules[0].category", "did you mean 'demographic'" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "when": { "all": [] } }"""), "$.rules[0].points", "required" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": "5", "when": { "all": [] } }"""), "$.rules[0].points", "number" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 1e10, "when": { "all": [] } }"""), "$.rules[0].points", "1e9" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 1e999, "when": { "all": [] } }"""), "$.rules[0].points", "out of range" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "maxPoints": -1, "when": { "all": [] } }"""), "$.rules[0].maxPoints", "from 0" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5 }"""), "$.rules[0]", "exactly one of $.rules[0].when" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "description": 3, "when": { "all": [] } }"""), "$.rules[0].description", "string" },
        { TestRuleSets.Json(Rule + ", " + Rule.Replace("\"a\"", "\"b\"", StringComparison.Ordinal) + ", " + Rule), "$.rules[2].id", "duplicate rule id 'a'" },
        // each
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "each": { "activity": [] } }"""), "$.rules[0].each.activity", "non-empty" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "each": { "activity": ["x", ""] } }"""), "$.rules[0].each.activity[1]", "non-empty" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "each": { "activity": "x", "minCount": 2 } }"""), "$.rules[0].each.minCount", "unknown property" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "each": { "activity": "x", "withinDays": -1 } }"""), "$.rules[0].each.withinDays", "0 to 36500" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "each": { "activity": "x", "withinDays": 36501 } }"""), "$.rules[0].each.withinDays", "0 to 36500" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "each": { "activity": "x", "tag": { "field": "t", "op": "exists" } } }"""), "$.rules[0].each.tag.field", "unknown property" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "each": { "activity": "x", "tag": { "op": "eq" } } }"""), "$.rules[0].each.tag.value", "required" },
        // conditions
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": {} }"""), "$.rules[0].when", "exactly one of" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "feild": "x", "op": "exists" } }"""), "$.rules[0].when", "did you mean 'field'" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "activity": "y", "op": "exists" } }"""), "$.rules[0].when", "'field' and 'activity'" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "", "op": "exists" } }"""), "$.rules[0].when.field", "non-empty" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x" } }"""), "$.rules[0].when.op", "required" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "startswith", "value": "a" } }"""), "$.rules[0].when.op", "did you mean 'startsWith'" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "exists", "value": 1 } }"""), "$.rules[0].when.value", "takes no value" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "eq", "value": null } }"""), "$.rules[0].when.value", "string, number or boolean" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "eq", "value": [1] } }"""), "$.rules[0].when.value", "string, number or boolean" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "in", "value": "a" } }"""), "$.rules[0].when.value", "list" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "in", "value": ["a", {}] } }"""), "$.rules[0].when.value[1]", "string, number or boolean" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "contains", "value": 3 } }"""), "$.rules[0].when.value", "string" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "containsAny", "value": ["a", 1] } }"""), "$.rules[0].when.value[1]", "string" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "gt", "value": "3" } }"""), "$.rules[0].when.value", "number" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "between", "value": [1] } }"""), "$.rules[0].when.value", "[lo, hi]" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "between", "value": [1, "2"] } }"""), "$.rules[0].when.value[1]", "number" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "matches", "value": "(" } }"""), "$.rules[0].when.value", "invalid regular expression" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "matches", "value": "(a)\\1" } }"""), "$.rules[0].when.value", "backtracking" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "matches", "value": "(?=a)b" } }"""), "$.rules[0].when.value", "backtracking" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "activity": "x", "minCount": 0 } }"""), "$.rules[0].when.minCount", "positive" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "activity": "x", "minCount": 1.5 } }"""), "$.rules[0].when.minCount", "whole number" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "activity": 3 } }"""), "$.rules[0].when.activity", "activity type" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "all": {} } }"""), "$.rules[0].when.all", "list of conditions" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "any": [ 1 ] } }"""), "$.rules[0].when.any[0]", "expected a condition" },
        { TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "not": { "all": [] }, "x": 1 } }"""), "$.rules[0].when.x", "unknown property" },
        // sections
        { TestRuleSets.Json(Rule, """ "range": { "min": 10, "max": 5 } """), "$.range.min", "must not exceed max" },
        { TestRuleSets.Json(Rule, """ "range": { "min": 150 } """), "$.range.min", "the default" },
        { TestRuleSets.Json(Rule, """ "range": { "low": 0 } """), "$.range.low", "unknown property" },
        { TestRuleSets.Json(Rule, """ "categories": { "fit": {} } """), "$.categories.fit", "unknown property" },
        { TestRuleSets.Json(Rule, """ "categories": { "decay": { "min": 5, "max": -5 } } """), "$.categories.decay.min", "must not exceed" },
        { TestRuleSets.Json(Rule, """ "decay": {} """), "$.decay", "exactly one of" },
        { TestRuleSets.Json(Rule, """ "decay": { "halfLifeDays": 30, "expireAfterDays": 30 } """), "$.decay.expireAfterDays", "not both" },
        { TestRuleSets.Json(Rule, """ "decay": { "expireAfterDays": 0 } """), "$.decay.expireAfterDays", "greater than 0" },
        { TestRuleSets.Json(Rule, """ "decay": { "halfLifeDays": 40000 } """), "$.decay.halfLifeDays", "36500" },
        { TestRuleSets.Json(Rule, """ "decay": { "halfLifeDays": 3, "categories": ["email"] } """), "$.decay.categories[0]", "unknown category" },
        { TestRuleSets.Json(Rule, """ "inactivity": { "afterDays": 30, "points": -5 } """), "$.inactivity.everyDays", "required" },
        { TestRuleSets.Json(Rule, """ "inactivity": { "afterDays": 30, "everyDays": 0, "points": -5 } """), "$.inactivity.everyDays", "greater than 0" },
        { TestRuleSets.Json(Rule, """ "inactivity": { "afterDays": -1, "everyDays": 1, "points": -5 } """), "$.inactivity.afterDays", "0 to 36500" },
        { TestRuleSets.Json(Rule, """ "inactivity": { "afterDays": 1, "everyDays": 1, "points": -5, "maxPenalty": -1 } """), "$.inactivity.maxPenalty", "from 0" },
        { TestRuleSets.Json(Rule, """ "disqualify": [ { "id": "x" } ] """), "$.disqualify[0].when", "required" },
        { TestRuleSets.Json(Rule, """ "disqualify": [ { "id": "x", "when": { "all": [] } }, { "id": "x", "when": { "all": [] } } ] """), "$.disqualify[1].id", "duplicate" },
        { TestRuleSets.Json(Rule, """ "stages": [ { "minScore": 3 } ] """), "$.stages[0].name", "required" },
        { TestRuleSets.Json(Rule, """ "stages": [ { "name": "A" }, { "name": "A" } ] """), "$.stages[1].name", "duplicate stage name" },
        { TestRuleSets.Json(Rule, """ "stages": [ { "name": "A", "minscore": 3 } ] """), "$.stages[0].minscore", "did you mean 'minScore'" },
        { TestRuleSets.Json(Rule, """ "grades": [ { "grade": "A" } ] """), "$.grades[0].minFit", "required" },
        { TestRuleSets.Json(Rule, """ "grades": [ { "grade": "", "minFit": 3 } ] """), "$.grades[0].grade", "non-empty" },
        { TestRuleSets.Json(Rule, """ "defaultGrade": "" """), "$.defaultGrade", "non-empty" },
        { TestRuleSets.Json(Rule, """ "defaultGrade": null """), "$.defaultGrade", "got null" },
        { """{ "schemaVersion": 1, "rules": [], "rules": [] }""", "$.rules", "duplicate property" },
    };

    [Theory]
    [MemberData(nameof(InvalidRuleSets))]
    public void Invalid_rule_set_is_rejected_at_the_path(string json, string path, string message)
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.FromJson(json));
        var error = Assert.Single(ex.Errors, e => e.Path == path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ex.Errors, ScoringModel.Validate(Encoding.UTF8.GetBytes(json)), (a, b) => a.ToString() == b.ToString());
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_document_order()
    {
        const string json = """
            { "schemaVersion": 1, "rules": [
                { "id": "a", "category": "nope", "points": 5, "when": { "field": "x", "op": "equals", "value": 1 } },
                { "id": "b", "category": "demographic", "points": "many", "each": { "activity": [] } }
              ],
              "decay": { "halfLifeDays": 0 } }
            """;
        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.FromJson(json));
        Assert.Equal(
            ["$.rules[0].category", "$.rules[0].when.op", "$.rules[1].points", "$.rules[1].each.activity", "$.decay.halfLifeDays"],
            ex.Errors.Select(e => e.Path));
        Assert.Contains("(5 errors)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"rules\": [\n    { \"id\": \"a\", }\n  ]\n}", 4, "$.rules[0].id")]
    [InlineData("{ \"schemaVersion\": 1, \"rules\": [ ", 1, "$.rules")]
    [InlineData("{ \"schemaVersion\": 1 // comment\n }", 1, "$.schemaVersion")]
    [InlineData("{ \"schemaVersion\": 1, \"rules\": [] } extra", 1, "$")]
    public void Malformed_json_names_line_and_column(string json, int line, string path)
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.FromJson(json));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(line, error.Line);
        Assert.True(error.Column >= 1);
        Assert.Equal(path, error.Path);
        Assert.StartsWith($"{path}: line {line}, column {error.Column}: malformed JSON", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("\uFEFF")]
    public void Empty_input_is_malformed_at_line_1(string json)
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.FromJson(json));
        var error = Assert.Single(ex.Errors);
        Assert.NotNull(error.Line);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_nest_at_most_32_deep()
    {
        static string Nested(int depth) => depth == 1 ? """{ "all": [] }""" : $$"""{ "not": {{Nested(depth - 1)}} }""";

        var ok = ScoringModel.FromJson(TestRuleSets.Json($$"""{ "id": "a", "category": "demographic", "points": 5, "when": {{Nested(32)}} }"""));
        Assert.Equal(1, ok.RuleCount);

        var ex = Assert.Throws<RuleSetValidationException>(() =>
            ScoringModel.FromJson(TestRuleSets.Json($$"""{ "id": "a", "category": "demographic", "points": 5, "when": {{Nested(33)}} }""")));
        Assert.Contains("32 deep", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurdly_deep_json_is_rejected_without_exhausting_the_stack()
    {
        string json = new string('[', 100_000) + new string(']', 100_000);
        var ex = Assert.Throws<RuleSetValidationException>(() => ScoringModel.FromJson(json));
        Assert.Contains("malformed JSON", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Large_comparison_operands_are_allowed_but_large_points_are_not()
    {
        var model = TestRuleSets.When("""{ "field": "revenue", "op": "between", "value": [3172106029.798, 3595177006] }""");
        Assert.Equal(10, model.Score(new Lead("L").Set("revenue", 3.2e9), TestRuleSets.AsOf).Score);
    }

    [Fact]
    public void A_missing_file_is_an_io_error_not_a_validation_error()
    {
        Assert.Throws<FileNotFoundException>(() => ScoringModel.FromFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json")));
    }

    [Fact]
    public void Unknown_built_in_name_is_a_clear_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => ScoringModel.BuiltIn("premium"));
        Assert.Contains("default", ex.Message, StringComparison.Ordinal);
    }
}
