using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>SPEC 3.1 attribute ops: truth tables, missing values and type mismatches.</summary>
public sealed class AttributeTestTests
{
    public static TheoryData<string, string, AttributeValue, bool> Cases => new()
    {
        { "exists", "", "x", true },
        { "exists", "", AttributeValue.Missing, false },
        { "missing", "", AttributeValue.Missing, true },
        { "missing", "", 0, false },
        { "eq", "\"Software\"", "SOFTWARE", true },
        { "eq", "\"12\"", 12, false },
        { "eq", "12", 12, true },
        { "eq", "12", "12", false },
        { "eq", "true", true, true },
        { "eq", "true", "true", false },
        { "neq", "\"a\"", "b", true },
        { "neq", "\"a\"", "A", false },
        { "neq", "\"a\"", AttributeValue.Missing, false },
        { "neq", "\"a\"", 5, true },
        { "in", "[\"Software\", 5, false]", "software", true },
        { "in", "[\"Software\", 5, false]", 5, true },
        { "in", "[\"Software\", 5, false]", false, true },
        { "in", "[\"Software\", 5, false]", true, false },
        { "in", "[]", "x", false },
        { "notIn", "[\"a\", \"b\"]", "c", true },
        { "notIn", "[\"a\", \"b\"]", "B", false },
        { "notIn", "[\"a\", \"b\"]", AttributeValue.Missing, false },
        { "contains", "\"vp\"", "SVP Sales", true },
        { "contains", "\"vp\"", 5, false },
        { "startsWith", "\"vp \"", "VP Sales", true },
        { "startsWith", "\"vp \"", "SVP Sales", false },
        { "endsWith", "\".IO\"", "ann@acme.io", true },
        { "containsAny", "[\"chief\", \"vp\"]", "Chief of Staff", true },
        { "containsAny", "[\"chief\", \"vp\"]", "Director", false },
        { "matches", "\"@(gmail|yahoo)\\\\.\"", "kid@GMAIL.com", true },
        { "matches", "\"^a+$\"", "aab", false },
        { "matches", "\"1\"", 1, false },
        { "gt", "10", 10.5, true },
        { "gt", "10", 10, false },
        { "gt", "10", "11", false },
        { "gte", "10", 10, true },
        { "lt", "10", 9.99, true },
        { "lt", "10", 10, false },
        { "lte", "10", 10, true },
        { "between", "[50, 5000]", 50, true },
        { "between", "[50, 5000]", 5000, true },
        { "between", "[50, 5000]", 5000.001, false },
        { "between", "[50, 5000]", "100", false },
        { "between", "[7, 7]", 7, true },
        { "isTrue", "", true, true },
        { "isTrue", "", "true", false },
        { "isTrue", "", false, false },
        { "isFalse", "", false, true },
        { "isFalse", "", AttributeValue.Missing, false },
        { "isFalse", "", 0, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Op_holds_exactly_when_the_spec_says(string op, string value, AttributeValue attribute, bool expected)
    {
        string valueJson = value.Length == 0 ? string.Empty : $", \"value\": {value}";
        string condition = $$"""{ "field": "x", "op": "{{op}}"{{valueJson}} }""";
        var lead = new Lead("L");
        if (attribute.IsPresent)
        {
            lead.Set("x", attribute);
        }

        Assert.Equal(expected, TestRuleSets.Fires(condition, lead));
    }

    [Fact]
    public void Null_attribute_counts_as_missing()
    {
        var lead = LeadJson.Parse("""{ "id": "L", "attributes": { "x": null } }""");
        Assert.True(TestRuleSets.Fires("""{ "field": "x", "op": "missing" }""", lead));
        Assert.False(TestRuleSets.Fires("""{ "field": "x", "op": "exists" }""", lead));
    }

    [Fact]
    public void Field_names_match_ignoring_case()
    {
        var lead = TestRuleSets.LeadWith("JobTitle", "VP");
        Assert.True(TestRuleSets.Fires("""{ "field": "JOBTITLE", "op": "eq", "value": "vp" }""", lead));
    }

    [Fact]
    public void Combinators_follow_their_empty_list_rules()
    {
        var lead = new Lead("L");
        Assert.True(TestRuleSets.Fires("""{ "all": [] }""", lead));
        Assert.False(TestRuleSets.Fires("""{ "any": [] }""", lead));
        Assert.True(TestRuleSets.Fires("""{ "not": { "any": [] } }""", lead));
        Assert.False(TestRuleSets.Fires("""{ "all": [ { "all": [] }, { "field": "x", "op": "exists" } ] }""", lead));
        Assert.True(TestRuleSets.Fires("""{ "any": [ { "field": "x", "op": "exists" }, { "field": "x", "op": "missing" } ] }""", lead));
    }
}
