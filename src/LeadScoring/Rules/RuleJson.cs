using System.Text.Json;
using LeadScoring.Conditions;
using LeadScoring.Validation;

namespace LeadScoring.Rules;

/// <summary>The JSON form of a rule and of a category name: property names, validating reader, writer.</summary>
internal static class RuleJson
{
    public const string Id = "id";
    public const string Category = "category";
    public const string Points = "points";
    public const string MaxPoints = "maxPoints";
    public const string Description = "description";
    public const string When = "when";
    public const string Each = "each";

    private static readonly string[] Properties = [Id, Category, Points, MaxPoints, Description, When, Each];

    public static RuleDefinition? Read(JsonValidator v, JsonElement element, string path)
    {
        var props = v.Properties(element, path, Properties, "a rule");
        if (props is null)
        {
            return null;
        }

        string? id = v.RequiredString(props, path, Id);
        ScoreCategory? category = v.Required(props, path, Category) is { } c ? ReadCategory(v, c, JsonPath.Child(path, Category)) : null;
        double? points = v.RequiredNumber(props, path, Points, NumberRule.AnyNumber);
        double? maxPoints = v.OptionalNumber(props, path, MaxPoints, NumberRule.NonNegative);
        string? description = v.OptionalString(props, path, Description, nonEmpty: false);

        bool hasWhen = JsonValidator.Optional(props, When, out var whenElement);
        bool hasEach = JsonValidator.Optional(props, Each, out var eachElement);
        Condition? when = null;
        ActivityFilter? each = null;
        if (hasWhen && hasEach)
        {
            v.Error(path, $"a rule has exactly one of {path}.when and {path}.each, not both");
        }
        else if (!hasWhen && !hasEach)
        {
            v.Error(path, $"a rule needs exactly one of {path}.when (a condition) or {path}.each (an activity filter)");
        }
        else if (hasWhen)
        {
            when = ConditionJson.ReadCondition(v, whenElement, JsonPath.Child(path, When), depth: 1);
        }
        else
        {
            each = ConditionJson.ReadFilter(v, eachElement, JsonPath.Child(path, Each));
        }

        if (id is null || category is null || points is null || (when is null && each is null))
        {
            return null;
        }

        return new RuleDefinition(id, category.Value, points.Value, maxPoints, description, when, each);
    }

    public static ScoreCategory? ReadCategory(JsonValidator v, JsonElement element, string path)
    {
        string expected = string.Join(", ", ScoreCategories.JsonNames);
        if (element.ValueKind != JsonValueKind.String)
        {
            v.Error(path, $"expected a category name, got {JsonValidator.Describe(element)}; expected one of: {expected}");
            return null;
        }

        string name = element.GetString()!;
        if (!ScoreCategories.TryParse(name, out var category))
        {
            v.Error(path, $"unknown category {Quoted.Text(name)}{Suggestions.DidYouMean(name, ScoreCategories.JsonNames)}; expected one of: {expected}");
            return null;
        }

        return category;
    }

    /// <summary>A category's JSON name; a value outside the enum (from a cast) as its number, which the reader reports.</summary>
    public static void WriteCategory(Utf8JsonWriter w, string? property, ScoreCategory category)
    {
        if (property is not null)
        {
            w.WritePropertyName(property);
        }

        if (Enum.IsDefined(category))
        {
            w.WriteStringValue(ScoreCategories.JsonName(category));
        }
        else
        {
            w.WriteNumberValue((int)category);
        }
    }

    public static void Write(Utf8JsonWriter w, RuleDefinition rule)
    {
        if (rule is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteStringOrNull(Id, rule.Id);
        WriteCategory(w, Category, rule.Category);
        w.WriteFiniteNumber(Points, rule.Points);
        w.WriteOptionalNumber(MaxPoints, rule.MaxPoints);
        w.WriteOptionalString(Description, rule.Description);
        if (rule.Each is { } each)
        {
            w.WritePropertyName(Each);
            ActivityFilter.WriteJson(w, each, minCount: null);
        }
        else
        {
            w.WritePropertyName(When);
            Condition.WriteJson(w, rule.When);
        }

        w.WriteEndObject();
    }
}
