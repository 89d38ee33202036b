using System.Text.Json;
using System.Text.RegularExpressions;
using LeadScoring.Leads;
using LeadScoring.Validation;

namespace LeadScoring.Conditions;

/// <summary>
/// The JSON form of conditions, value tests and activity filters: their property names (spelled once, for
/// reading and writing) and their validating reader. Writing lives on the definitions themselves.
/// </summary>
internal static class ConditionJson
{
    public const string Field = "field";
    public const string Op = "op";
    public const string Value = "value";
    public const string Activity = "activity";
    public const string MinCount = "minCount";
    public const string WithinDays = "withinDays";
    public const string Tag = "tag";
    public const string DistinctTags = "distinctTags";
    public const string MaxPerDay = "maxPerDay";
    public const string All = "all";
    public const string Any = "any";
    public const string Not = "not";

    /// <summary>Conditions nest at most this deep; a rule's <c>when</c> is depth 1.</summary>
    public const int MaxDepth = 32;

    private static readonly string[] Forms = [Field, Activity, All, Any, Not];
    private static readonly string[] FieldProperties = [Field, Op, Value];
    private static readonly string[] ActivityConditionProperties = [Activity, MinCount, WithinDays, Tag, DistinctTags, MaxPerDay];
    private static readonly string[] FilterProperties = [Activity, WithinDays, Tag, DistinctTags, MaxPerDay];
    private static readonly string[] TagProperties = [Op, Value];

    /// <summary>Reads a condition at <paramref name="depth"/> (a rule's <c>when</c> is 1).</summary>
    public static Condition? ReadCondition(JsonValidator v, JsonElement element, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            v.Error(path, $"conditions nest at most {MaxDepth} deep");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            v.Error(path, $"expected a condition (an object with one of: {string.Join(", ", Forms)}), got {JsonValidator.Describe(element)}");
            return null;
        }

        var forms = new List<string>(1);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(Forms, property.Name) >= 0 && !forms.Contains(property.Name))
            {
                forms.Add(property.Name);
            }
        }

        if (forms.Count != 1)
        {
            string found = forms.Count == 0
                ? string.Join(", ", element.EnumerateObject().Select(p => $"{Quoted.Text(p.Name)}{Suggestions.DidYouMean(p.Name, Forms)}"))
                : string.Join(" and ", forms.Select(f => $"'{f}'"));
            v.Error(path, $"a condition has exactly one of: {string.Join(", ", Forms)}; found {(found.Length == 0 ? "none" : found)}");
            return null;
        }

        switch (forms[0])
        {
            case Field:
            {
                var props = v.Properties(element, path, FieldProperties, "a field condition")!;
                string? field = v.RequiredString(props, path, Field);
                ValueTest? test = ReadTest(v, props, path);
                return field is null || test is null ? null : new FieldCondition(field, test);
            }

            case Activity:
            {
                var props = v.Properties(element, path, ActivityConditionProperties, "an activity condition")!;
                double? minCount = v.OptionalNumber(props, path, MinCount, NumberRule.PositiveCount);
                ActivityFilter? filter = ReadFilter(v, props, path);
                return filter is null || (minCount is null && props.ContainsKey(MinCount))
                    ? null
                    : new ActivityCondition(filter, (int)(minCount ?? 1));
            }

            case Not:
            {
                var props = v.Properties(element, path, [Not], "a 'not' condition")!;
                Condition? inner = ReadCondition(v, props[Not], JsonPath.Child(path, Not), depth + 1);
                return inner is null ? null : new NotCondition(inner);
            }

            default: // all, any
            {
                string form = forms[0];
                var props = v.Properties(element, path, [form], $"an '{form}' condition")!;
                var items = v.List(props[form], JsonPath.Child(path, form), "a list of conditions", (e, p) => ReadCondition(v, e, p, depth + 1));
                return items is null ? null : new GroupCondition(form == All, items);
            }
        }
    }

    /// <summary>Reads an activity filter object: the body of an <c>each</c> rule.</summary>
    public static ActivityFilter? ReadFilter(JsonValidator v, JsonElement element, string path)
    {
        var props = v.Properties(element, path, FilterProperties, "an activity filter");
        return props is null ? null : ReadFilter(v, props, path);
    }

    /// <summary>Writes an attribute value: a string, number, boolean or null.</summary>
    public static void WriteValue(Utf8JsonWriter w, AttributeValue value)
    {
        switch (value.Kind)
        {
            case AttributeKind.String:
                w.WriteStringValue(value.StringValue);
                break;
            case AttributeKind.Number:
                w.WriteFiniteNumberValue(value.NumberValue);
                break;
            case AttributeKind.Boolean:
                w.WriteBooleanValue(value.BooleanValue);
                break;
            case AttributeKind.Missing:
                w.WriteNullValue();
                break;
        }
    }

    private static ActivityFilter? ReadFilter(JsonValidator v, Dictionary<string, JsonElement> props, string path)
    {
        IReadOnlyList<string>? types = v.Required(props, path, Activity) is { } a ? ReadActivityTypes(v, a, JsonPath.Child(path, Activity)) : null;
        double? withinDays = v.OptionalNumber(props, path, WithinDays, NumberRule.DaysOrZero);
        ValueTest? tag = null;
        bool tagOk = true;
        if (JsonValidator.Optional(props, Tag, out var tagElement))
        {
            string tagPath = JsonPath.Child(path, Tag);
            var tagProps = v.Properties(tagElement, tagPath, TagProperties, "a tag test { op, value }");
            tag = tagProps is null ? null : ReadTest(v, tagProps, tagPath);
            tagOk = tag is not null;
        }

        bool? distinctTags = v.OptionalBoolean(props, path, DistinctTags);
        double? maxPerDay = v.OptionalNumber(props, path, MaxPerDay, NumberRule.PositiveCount);
        bool valuesOk = (withinDays is not null || !props.ContainsKey(WithinDays))
            && (distinctTags is not null || !props.ContainsKey(DistinctTags))
            && (maxPerDay is not null || !props.ContainsKey(MaxPerDay));
        return types is null || !tagOk || !valuesOk
            ? null
            : ActivityFilter.Create(types, withinDays, tag, distinctTags ?? false, maxPerDay is { } max ? (int)Math.Min(max, int.MaxValue) : null);
    }

    private static string[]? ReadActivityTypes(JsonValidator v, JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            string type = element.GetString()!;
            if (type.Length == 0)
            {
                v.Error(path, "expected a non-empty activity type");
                return null;
            }

            return [type];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            v.Error(path, $"expected an activity type or a non-empty list of them, got {JsonValidator.Describe(element)}");
            return null;
        }

        if (element.GetArrayLength() == 0)
        {
            v.Error(path, "expected a non-empty list of activity types, got []");
            return null;
        }

        var types = new List<string>();
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            string itemPath = JsonPath.Index(path, i++);
            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length == 0)
            {
                v.Error(itemPath, $"expected a non-empty activity type, got {JsonValidator.Describe(item)}");
                continue;
            }

            types.Add(item.GetString()!);
        }

        return types.Count == i ? [.. types] : null;
    }

    private static ValueTest? ReadTest(JsonValidator v, Dictionary<string, JsonElement> props, string path)
    {
        string opPath = JsonPath.Child(path, Op);
        string valuePath = JsonPath.Child(path, Value);
        if (v.Required(props, path, Op) is not { } opElement)
        {
            return null;
        }

        if (opElement.ValueKind != JsonValueKind.String)
        {
            v.Error(opPath, $"expected an op name, got {JsonValidator.Describe(opElement)}; expected one of: {string.Join(", ", TestOperators.JsonNames)}");
            return null;
        }

        string opName = opElement.GetString()!;
        if (!TestOperators.TryParse(opName, out var op))
        {
            v.Error(opPath, $"unknown op {Quoted.Text(opName)}{Suggestions.DidYouMean(opName, TestOperators.JsonNames)}; expected one of: {string.Join(", ", TestOperators.JsonNames)}");
            return null;
        }

        var shape = TestOperators.Row(op).Shape;
        bool hasValue = props.TryGetValue(Value, out var value);
        if (shape == OperandShape.None)
        {
            if (hasValue)
            {
                v.Error(valuePath, $"op '{opName}' takes no value");
                return null;
            }

            return ValueTest.Create(op, default, null, null);
        }

        if (!hasValue)
        {
            v.Error(valuePath, $"required: op '{opName}' takes {Expected(shape)}");
            return null;
        }

        // No default arm: a new shape fails the build here until it says how its value is read.
        return shape switch
        {
            OperandShape.None => ValueTest.Create(op, default, null, null),
            OperandShape.Scalar => Scalar(v, value, valuePath) is { } scalar ? ValueTest.Create(op, scalar, null, null) : null,
            OperandShape.ScalarList => v.Values(value, valuePath, Expected(shape), (e, p) => Scalar(v, e, p)) is { } list
                ? ValueTest.Create(op, default, [.. list], null) : null,
            OperandShape.Text => Text(v, value, valuePath) is { } text ? ValueTest.Create(op, text, null, null) : null,
            OperandShape.TextList => v.Values(value, valuePath, Expected(shape), (e, p) => Text(v, e, p)) is { } texts
                ? ValueTest.Create(op, default, [.. texts], null) : null,
            OperandShape.Pattern => Text(v, value, valuePath) is { } pattern && CompilePattern(v, pattern.StringValue, valuePath) is { } regex
                ? ValueTest.Create(op, pattern, null, regex) : null,
            OperandShape.Number => v.Number(value, valuePath, NumberRule.Comparand) is { } number ? ValueTest.Create(op, number, null, null) : null,
            OperandShape.NumberRange => ReadRange(v, value, valuePath) is { } bounds ? ValueTest.Create(op, default, bounds, null) : null,
        };
    }

    /// <summary>What a shape's value is, for messages.</summary>
    private static string Expected(OperandShape shape) => shape switch
    {
        OperandShape.None => "no value",
        OperandShape.Scalar => "a string, number or boolean",
        OperandShape.ScalarList => "a list of strings, numbers or booleans",
        OperandShape.Text => "a string",
        OperandShape.TextList => "a list of strings",
        OperandShape.Pattern => "a regular expression",
        OperandShape.Number => "a number",
        OperandShape.NumberRange => "[lo, hi]",
    };

    private static AttributeValue? Text(JsonValidator v, JsonElement element, string path) =>
        v.String(element, path, nonEmpty: false) is { } text ? AttributeValue.FromString(text) : null;

    private static AttributeValue? Scalar(JsonValidator v, JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return v.Number(element, path, NumberRule.Comparand) is { } number ? number : null;
            default:
                v.Error(path, $"expected a string, number or boolean, got {JsonValidator.Describe(element)}");
                return null;
        }
    }

    private static AttributeValue[]? ReadRange(JsonValidator v, JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 2)
        {
            v.Error(path, $"expected [lo, hi] (two numbers), got {JsonValidator.Describe(element)}");
            return null;
        }

        double? lo = v.Number(element[0], JsonPath.Index(path, 0), NumberRule.Comparand);
        double? hi = v.Number(element[1], JsonPath.Index(path, 1), NumberRule.Comparand);
        if (lo is null || hi is null)
        {
            return null;
        }

        if (lo > hi)
        {
            v.Error(path, $"between needs [lo, hi] with lo <= hi; got [{JsonValidator.Format(lo.Value)}, {JsonValidator.Format(hi.Value)}]");
            return null;
        }

        return [lo.Value, hi.Value];
    }

    private static Regex? CompilePattern(JsonValidator v, string pattern, string path)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException ex)
        {
            v.Error(path, $"invalid regular expression: {ex.Message}");
        }
        catch (NotSupportedException ex)
        {
            v.Error(path, $"the regular expression needs backtracking, which is not allowed (backreferences, lookarounds, atomic groups...): {ex.Message}");
        }

        return null;
    }
}
