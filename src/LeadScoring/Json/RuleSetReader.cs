using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LeadScoring.Json;

/// <summary>
/// Reads rule-set JSON and validates it against SPEC sections 3 and 4, collecting every problem
/// (one per JSON path) before giving up. The result is a definition that is known to be valid.
/// </summary>
internal sealed class RuleSetReader
{
    internal const double MaxMagnitude = 1e9;
    internal const double MaxDays = 36_500;
    internal const int MaxConditionDepth = 32;

    // JSON nesting allowed by the parser: deep enough for 32 nested conditions (two levels each),
    // bounded so that a hostile document cannot exhaust the stack.
    private const int MaxJsonDepth = 256;

    private static readonly string[] RootProperties =
        ["schemaVersion", "name", "version", "range", "categories", "rules", "decay", "inactivity", "disqualify", "stages", "grades", "defaultGrade"];

    private static readonly string[] LimitProperties = ["min", "max"];
    private static readonly string[] RuleProperties = ["id", "category", "points", "maxPoints", "description", "when", "each"];
    private static readonly string[] EachProperties = ["activity", "withinDays", "tag"];
    private static readonly string[] ActivityProperties = ["activity", "minCount", "withinDays", "tag"];
    private static readonly string[] FieldProperties = ["field", "op", "value"];
    private static readonly string[] TagProperties = ["op", "value"];
    private static readonly string[] ConditionForms = ["field", "activity", "all", "any", "not"];
    private static readonly string[] DecayProperties = ["halfLifeDays", "expireAfterDays", "categories"];
    private static readonly string[] InactivityProperties = ["afterDays", "everyDays", "points", "maxPenalty"];
    private static readonly string[] DisqualifierProperties = ["id", "when"];
    private static readonly string[] StageProperties = ["name", "minScore", "minFit", "minEngagement", "when"];
    private static readonly string[] GradeProperties = ["grade", "minFit"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = MaxJsonDepth,
    };

    private static readonly NumberRule AnyNumber = new(-MaxMagnitude, false, MaxMagnitude, "a number from -1e9 to 1e9");
    private static readonly NumberRule NonNegative = new(0, false, MaxMagnitude, "a number from 0 to 1e9");
    private static readonly NumberRule DaysOrZero = new(0, false, MaxDays, "a number of days from 0 to 36500");
    private static readonly NumberRule PositiveDays = new(0, true, MaxDays, "a number of days greater than 0 and at most 36500");
    private static readonly NumberRule Comparand = new(double.MinValue, false, double.MaxValue, "a finite number");

    private readonly List<RuleSetError> _errors = [];
    private readonly HashSet<string> _errorPaths = new(StringComparer.Ordinal);

    /// <summary>Reads and validates; throws <see cref="RuleSetValidationException"/> listing every problem.</summary>
    public static RuleSetDefinition Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new RuleSetValidationException([Malformed(utf8.Span, ex)]);
        }

        using (document)
        {
            var reader = new RuleSetReader();
            RuleSetDefinition? definition = reader.ReadRoot(document.RootElement);
            if (reader._errors.Count > 0 || definition is null)
            {
                throw new RuleSetValidationException(reader._errors);
            }

            return definition;
        }
    }

    private RuleSetDefinition? ReadRoot(JsonElement root)
    {
        const string path = "$";
        var props = Properties(root, path, RootProperties, "a rule set");
        if (props is null)
        {
            return null;
        }

        if (Required(props, path, "schemaVersion") is { } version)
        {
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetDouble(out double v) || v != RuleSetDefinition.SchemaVersion)
            {
                Error("$.schemaVersion", $"unsupported schema version {Describe(version)}; expected 1");
            }
        }

        string? name = OptionalString(props, path, "name", nonEmpty: true);
        string? setVersion = OptionalString(props, path, "version", nonEmpty: true);
        LimitsDefinition? range = Optional(props, "range", out var rangeElement)
            ? ReadLimits(rangeElement, "$.range", defaults: (0, 100))
            : null;
        var categories = Optional(props, "categories", out var categoriesElement) ? ReadCategories(categoriesElement) : null;

        List<RuleDefinition>? rules = null;
        if (Required(props, path, "rules") is { } rulesElement)
        {
            rules = ReadList(rulesElement, "$.rules", "a list of rules", ReadRule);
            CheckUnique(rulesElement, "$.rules", "id", "rule id");
        }

        DecayDefinition? decay = Optional(props, "decay", out var decayElement) ? ReadDecay(decayElement) : null;
        InactivityDefinition? inactivity = Optional(props, "inactivity", out var inactivityElement) ? ReadInactivity(inactivityElement) : null;

        List<DisqualifierDefinition>? disqualify = null;
        if (Optional(props, "disqualify", out var disqualifyElement))
        {
            disqualify = ReadList(disqualifyElement, "$.disqualify", "a list of disqualifiers", ReadDisqualifier);
            CheckUnique(disqualifyElement, "$.disqualify", "id", "disqualifier id");
        }

        List<StageDefinition>? stages = null;
        if (Optional(props, "stages", out var stagesElement))
        {
            stages = ReadList(stagesElement, "$.stages", "a list of stages", ReadStage);
            CheckUnique(stagesElement, "$.stages", "name", "stage name");
        }

        var grades = Optional(props, "grades", out var gradesElement)
            ? ReadList(gradesElement, "$.grades", "a list of grades", ReadGrade)
            : null;
        string? defaultGrade = OptionalString(props, path, "defaultGrade", nonEmpty: true);

        if (rules is null || _errors.Count > 0)
        {
            return null;
        }

        return new RuleSetDefinition
        {
            Name = name,
            Version = setVersion,
            Range = range,
            Categories = categories,
            Rules = rules,
            Decay = decay,
            Inactivity = inactivity,
            Disqualify = disqualify,
            Stages = stages,
            Grades = grades,
            DefaultGrade = defaultGrade,
        };
    }

    private LimitsDefinition? ReadLimits(JsonElement element, string path, (double Min, double Max)? defaults)
    {
        var props = Properties(element, path, LimitProperties, "an object with optional 'min' and 'max'");
        if (props is null)
        {
            return null;
        }

        double? min = OptionalNumber(props, path, "min", AnyNumber);
        double? max = OptionalNumber(props, path, "max", AnyNumber);
        double? effectiveMin = min ?? defaults?.Min;
        double? effectiveMax = max ?? defaults?.Max;
        if (effectiveMin > effectiveMax)
        {
            string maxText = max is null ? $"{Format(effectiveMax.Value)}, the default" : Format(effectiveMax.Value);
            Error(Child(path, min is null ? "max" : "min"), $"min ({Format(effectiveMin.Value)}) must not exceed max ({maxText}) in {path}");
        }

        return new LimitsDefinition(min, max);
    }

    private LimitsDefinition?[]? ReadCategories(JsonElement element)
    {
        const string path = "$.categories";
        var props = Properties(element, path, JsonNames.Categories, "an object keyed by category");
        if (props is null)
        {
            return null;
        }

        var limits = new LimitsDefinition?[JsonNames.Categories.Length];
        foreach (var (name, value) in props)
        {
            JsonNames.TryParseCategory(name, out var category);
            limits[(int)category] = ReadLimits(value, Child(path, name), defaults: null);
        }

        return limits;
    }

    private RuleDefinition? ReadRule(JsonElement element, string path)
    {
        var props = Properties(element, path, RuleProperties, "a rule");
        if (props is null)
        {
            return null;
        }

        string? id = RequiredString(props, path, "id");
        ScoreCategory? category = Required(props, path, "category") is { } c ? ReadCategory(c, Child(path, "category")) : null;
        double? points = RequiredNumber(props, path, "points", AnyNumber);
        double? maxPoints = OptionalNumber(props, path, "maxPoints", NonNegative);
        string? description = OptionalString(props, path, "description", nonEmpty: false);

        bool hasWhen = Optional(props, "when", out var whenElement);
        bool hasEach = Optional(props, "each", out var eachElement);
        Condition? when = null;
        ActivityFilter? each = null;
        if (hasWhen && hasEach)
        {
            Error(path, $"a rule has exactly one of {path}.when and {path}.each, not both");
        }
        else if (!hasWhen && !hasEach)
        {
            Error(path, $"a rule needs exactly one of {path}.when (a condition) or {path}.each (an activity filter)");
        }
        else if (hasWhen)
        {
            when = ReadCondition(whenElement, Child(path, "when"), depth: 1);
        }
        else
        {
            each = ReadEach(eachElement, Child(path, "each"));
        }

        if (id is null || category is null || points is null || (when is null && each is null))
        {
            return null;
        }

        return new RuleDefinition(id, category.Value, points.Value, maxPoints, description, when, each);
    }

    private ActivityFilter? ReadEach(JsonElement element, string path)
    {
        var props = Properties(element, path, EachProperties, "an activity filter");
        return props is null ? null : ReadFilter(props, path);
    }

    private ActivityFilter? ReadFilter(Dictionary<string, JsonElement> props, string path)
    {
        IReadOnlyList<string>? types = Required(props, path, "activity") is { } a ? ReadActivityTypes(a, Child(path, "activity")) : null;
        double? withinDays = OptionalNumber(props, path, "withinDays", DaysOrZero);
        ValueTest? tag = null;
        bool tagOk = true;
        if (Optional(props, "tag", out var tagElement))
        {
            string tagPath = Child(path, "tag");
            var tagProps = Properties(tagElement, tagPath, TagProperties, "a tag test { op, value }");
            tag = tagProps is null ? null : ReadTest(tagProps, tagPath);
            tagOk = tag is not null;
        }

        return types is null || !tagOk ? null : ActivityFilter.Create(types, withinDays, tag);
    }

    private string[]? ReadActivityTypes(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            string type = element.GetString()!;
            if (type.Length == 0)
            {
                Error(path, "expected a non-empty activity type");
                return null;
            }

            return [type];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"expected an activity type or a non-empty list of them, got {Describe(element)}");
            return null;
        }

        if (element.GetArrayLength() == 0)
        {
            Error(path, "expected a non-empty list of activity types, got []");
            return null;
        }

        var types = new List<string>();
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            string itemPath = Index(path, i++);
            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length == 0)
            {
                Error(itemPath, $"expected a non-empty activity type, got {Describe(item)}");
                continue;
            }

            types.Add(item.GetString()!);
        }

        return types.Count == i ? [.. types] : null;
    }

    private Condition? ReadCondition(JsonElement element, string path, int depth)
    {
        if (depth > MaxConditionDepth)
        {
            Error(path, $"conditions nest at most {MaxConditionDepth} deep");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"expected a condition (an object with one of: {string.Join(", ", ConditionForms)}), got {Describe(element)}");
            return null;
        }

        var forms = new List<string>(1);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(ConditionForms, property.Name) >= 0 && !forms.Contains(property.Name))
            {
                forms.Add(property.Name);
            }
        }

        if (forms.Count != 1)
        {
            string found = forms.Count == 0
                ? string.Join(", ", element.EnumerateObject().Select(p => $"'{p.Name}'{Suggestions.DidYouMean(p.Name, ConditionForms)}"))
                : string.Join(" and ", forms.Select(f => $"'{f}'"));
            Error(path, $"a condition has exactly one of: {string.Join(", ", ConditionForms)}; found {(found.Length == 0 ? "none" : found)}");
            return null;
        }

        switch (forms[0])
        {
            case "field":
            {
                var props = Properties(element, path, FieldProperties, "a field condition");
                string? field = RequiredString(props!, path, "field");
                ValueTest? test = ReadTest(props!, path);
                return field is null || test is null ? null : new FieldCondition(field, test);
            }

            case "activity":
            {
                var props = Properties(element, path, ActivityProperties, "an activity condition")!;
                int minCount = 1;
                if (OptionalNumber(props, path, "minCount", new NumberRule(1, false, MaxMagnitude, "a positive whole number")) is { } count)
                {
                    if (count != Math.Floor(count))
                    {
                        Error(Child(path, "minCount"), $"expected a positive whole number, got {Format(count)}");
                    }

                    minCount = (int)count;
                }

                ActivityFilter? filter = ReadFilter(props, path);
                return filter is null ? null : new ActivityCondition(filter, minCount);
            }

            case "not":
            {
                var props = Properties(element, path, ["not"], "a 'not' condition")!;
                Condition? inner = ReadCondition(props["not"], Child(path, "not"), depth + 1);
                return inner is null ? null : new NotCondition(inner);
            }

            default:
            {
                string form = forms[0];
                var props = Properties(element, path, [form], $"an '{form}' condition")!;
                string listPath = Child(path, form);
                var items = ReadList(props[form], listPath, "a list of conditions", (e, p) => ReadCondition(e, p, depth + 1));
                return items is null ? null : new GroupCondition(form == "all", items);
            }
        }
    }

    private ValueTest? ReadTest(Dictionary<string, JsonElement> props, string path)
    {
        string opPath = Child(path, "op");
        string valuePath = Child(path, "value");
        if (Required(props, path, "op") is not { } opElement)
        {
            return null;
        }

        if (opElement.ValueKind != JsonValueKind.String)
        {
            Error(opPath, $"expected an op name, got {Describe(opElement)}; expected one of: {string.Join(", ", JsonNames.Operators)}");
            return null;
        }

        string opName = opElement.GetString()!;
        if (!JsonNames.TryParseOperator(opName, out var op))
        {
            Error(opPath, $"unknown op '{opName}'{Suggestions.DidYouMean(opName, JsonNames.Operators)}; expected one of: {string.Join(", ", JsonNames.Operators)}");
            return null;
        }

        bool hasValue = props.TryGetValue("value", out var value);
        switch (op)
        {
            case TestOperator.Exists or TestOperator.Missing or TestOperator.IsTrue or TestOperator.IsFalse:
                if (hasValue)
                {
                    Error(valuePath, $"op '{opName}' takes no value");
                    return null;
                }

                return ValueTest.Create(op, default, null, null);

            case TestOperator.Eq or TestOperator.Neq:
                return hasValue ? Scalar(value, valuePath) is { } scalar ? ValueTest.Create(op, scalar, null, null) : null
                    : MissingValue(valuePath, opName, "a string, number or boolean");

            case TestOperator.In or TestOperator.NotIn:
                return hasValue ? ReadValues(value, valuePath, "a list of strings, numbers or booleans", Scalar) is { } list
                        ? ValueTest.Create(op, default, [.. list], null) : null
                    : MissingValue(valuePath, opName, "a list of strings, numbers or booleans");

            case TestOperator.Contains or TestOperator.StartsWith or TestOperator.EndsWith:
                return hasValue ? Text(value, valuePath) is { } text ? ValueTest.Create(op, text, null, null) : null
                    : MissingValue(valuePath, opName, "a string");

            case TestOperator.ContainsAny:
                return hasValue ? ReadValues(value, valuePath, "a list of strings", Text) is { } texts
                        ? ValueTest.Create(op, default, [.. texts], null) : null
                    : MissingValue(valuePath, opName, "a list of strings");

            case TestOperator.Matches:
                if (!hasValue)
                {
                    return MissingValue(valuePath, opName, "a regular expression");
                }

                return Text(value, valuePath) is { } pattern && CompilePattern(pattern.StringValue, valuePath) is { } regex
                    ? ValueTest.Create(op, pattern, null, regex)
                    : null;

            case TestOperator.Between:
                return hasValue ? ReadBetween(value, valuePath) is { } bounds ? ValueTest.Create(op, default, bounds, null) : null
                    : MissingValue(valuePath, opName, "[lo, hi]");

            default: // gt, gte, lt, lte
                return hasValue ? Number(value, valuePath, Comparand) is { } number ? ValueTest.Create(op, number, null, null) : null
                    : MissingValue(valuePath, opName, "a number");
        }
    }

    private ValueTest? MissingValue(string path, string op, string expected)
    {
        Error(path, $"required: op '{op}' takes {expected}");
        return null;
    }

    private AttributeValue[]? ReadBetween(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 2)
        {
            Error(path, $"expected [lo, hi] (two numbers), got {Describe(element)}");
            return null;
        }

        double? lo = Number(element[0], Index(path, 0), Comparand);
        double? hi = Number(element[1], Index(path, 1), Comparand);
        if (lo is null || hi is null)
        {
            return null;
        }

        if (lo > hi)
        {
            Error(path, $"between needs [lo, hi] with lo <= hi; got [{Format(lo.Value)}, {Format(hi.Value)}]");
            return null;
        }

        return [lo.Value, hi.Value];
    }

    private Regex? CompilePattern(string pattern, string path)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException ex)
        {
            Error(path, $"invalid regular expression: {ex.Message}");
        }
        catch (NotSupportedException ex)
        {
            Error(path, $"the regular expression needs backtracking, which is not allowed (backreferences, lookarounds, atomic groups...): {ex.Message}");
        }

        return null;
    }

    private DecayDefinition? ReadDecay(JsonElement element)
    {
        const string path = "$.decay";
        var props = Properties(element, path, DecayProperties, "a decay object");
        if (props is null)
        {
            return null;
        }

        double? halfLife = OptionalNumber(props, path, "halfLifeDays", PositiveDays);
        double? expire = OptionalNumber(props, path, "expireAfterDays", PositiveDays);
        bool hasHalfLife = props.ContainsKey("halfLifeDays");
        bool hasExpire = props.ContainsKey("expireAfterDays");
        if (hasHalfLife && hasExpire)
        {
            Error("$.decay.expireAfterDays", "decay takes exactly one of $.decay.halfLifeDays and $.decay.expireAfterDays, not both");
        }
        else if (!hasHalfLife && !hasExpire)
        {
            Error(path, "decay needs exactly one of $.decay.halfLifeDays or $.decay.expireAfterDays");
        }

        List<ScoreCategory>? categories = null;
        if (props.TryGetValue("categories", out var list))
        {
            categories = ReadValues(list, Child(path, "categories"), "a list of categories", ReadCategory);
        }

        return (halfLife is null && expire is null) ? null : new DecayDefinition(halfLife, expire, categories);
    }

    private InactivityDefinition? ReadInactivity(JsonElement element)
    {
        const string path = "$.inactivity";
        var props = Properties(element, path, InactivityProperties, "an inactivity object");
        if (props is null)
        {
            return null;
        }

        double? after = RequiredNumber(props, path, "afterDays", DaysOrZero);
        double? every = RequiredNumber(props, path, "everyDays", PositiveDays);
        double? points = RequiredNumber(props, path, "points", AnyNumber);
        double? maxPenalty = OptionalNumber(props, path, "maxPenalty", NonNegative);
        return after is null || every is null || points is null ? null : new InactivityDefinition(after.Value, every.Value, points.Value, maxPenalty);
    }

    private DisqualifierDefinition? ReadDisqualifier(JsonElement element, string path)
    {
        var props = Properties(element, path, DisqualifierProperties, "a disqualifier { id, when }");
        if (props is null)
        {
            return null;
        }

        string? id = RequiredString(props, path, "id");
        Condition? when = Required(props, path, "when") is { } w ? ReadCondition(w, Child(path, "when"), depth: 1) : null;
        return id is null || when is null ? null : new DisqualifierDefinition(id, when);
    }

    private StageDefinition? ReadStage(JsonElement element, string path)
    {
        var props = Properties(element, path, StageProperties, "a stage");
        if (props is null)
        {
            return null;
        }

        string? name = RequiredString(props, path, "name");
        double? minScore = OptionalNumber(props, path, "minScore", AnyNumber);
        double? minFit = OptionalNumber(props, path, "minFit", AnyNumber);
        double? minEngagement = OptionalNumber(props, path, "minEngagement", AnyNumber);
        Condition? when = null;
        bool whenOk = true;
        if (Optional(props, "when", out var w))
        {
            when = ReadCondition(w, Child(path, "when"), depth: 1);
            whenOk = when is not null;
        }

        return name is null || !whenOk ? null : new StageDefinition(name, minScore, minFit, minEngagement, when);
    }

    private GradeDefinition? ReadGrade(JsonElement element, string path)
    {
        var props = Properties(element, path, GradeProperties, "a grade { grade, minFit }");
        if (props is null)
        {
            return null;
        }

        string? grade = RequiredString(props, path, "grade");
        double? minFit = RequiredNumber(props, path, "minFit", AnyNumber);
        return grade is null || minFit is null ? null : new GradeDefinition(grade, minFit.Value);
    }

    private ScoreCategory? ReadCategory(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Error(path, $"expected a category name, got {Describe(element)}; expected one of: {string.Join(", ", JsonNames.Categories)}");
            return null;
        }

        string name = element.GetString()!;
        if (!JsonNames.TryParseCategory(name, out var category))
        {
            Error(path, $"unknown category '{name}'{Suggestions.DidYouMean(name, JsonNames.Categories)}; expected one of: {string.Join(", ", JsonNames.Categories)}");
            return null;
        }

        return category;
    }

    // ---- generic helpers -------------------------------------------------------------------

    /// <summary>The properties of an object, reporting unknown and duplicate names; null if not an object.</summary>
    private Dictionary<string, JsonElement>? Properties(JsonElement element, string path, string[] allowed, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"expected {what} (a JSON object), got {Describe(element)}");
            return null;
        }

        var props = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            string propertyPath = Child(path, property.Name);
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                Error(propertyPath, $"unknown property '{property.Name}'{Suggestions.DidYouMean(property.Name, allowed)}; expected one of: {string.Join(", ", allowed)}");
            }
            else if (!props.TryAdd(property.Name, property.Value))
            {
                Error(propertyPath, $"duplicate property '{property.Name}'");
            }
        }

        return props;
    }

    private List<T>? ReadValues<T>(JsonElement element, string path, string what, Func<JsonElement, string, T?> readItem)
        where T : struct =>
        ReadList(element, path, what, (e, p) => readItem(e, p) is { } value ? new Box<T>(value) : null)?.ConvertAll(b => b.Value);

    private List<T>? ReadList<T>(JsonElement element, string path, string what, Func<JsonElement, string, T?> readItem)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"expected {what} (a JSON array), got {Describe(element)}");
            return null;
        }

        var items = new List<T>(element.GetArrayLength());
        bool ok = true;
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            T? value = readItem(item, Index(path, i++));
            if (value is null)
            {
                ok = false;
            }
            else
            {
                items.Add(value);
            }
        }

        return ok ? items : null;
    }

    /// <summary>Reports repeated string values of <paramref name="property"/> across a list, even in items that are otherwise invalid.</summary>
    private void CheckUnique(JsonElement list, string listPath, string property, string what)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int i = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } key
                && !seen.TryAdd(key, i))
            {
                Error(Child(Index(listPath, i), property), $"duplicate {what} '{key}' (first used at {Index(listPath, seen[key])})");
            }

            i++;
        }
    }

    private static bool Optional(Dictionary<string, JsonElement> props, string name, out JsonElement value) =>
        props.TryGetValue(name, out value);

    private JsonElement? Required(Dictionary<string, JsonElement> props, string path, string name)
    {
        if (props.TryGetValue(name, out var value))
        {
            return value;
        }

        Error(Child(path, name), "required");
        return null;
    }

    private string? RequiredString(Dictionary<string, JsonElement> props, string path, string name) =>
        Required(props, path, name) is { } value ? String(value, Child(path, name), nonEmpty: true) : null;

    private string? OptionalString(Dictionary<string, JsonElement> props, string path, string name, bool nonEmpty) =>
        props.TryGetValue(name, out var value) ? String(value, Child(path, name), nonEmpty) : null;

    private double? RequiredNumber(Dictionary<string, JsonElement> props, string path, string name, NumberRule rule) =>
        Required(props, path, name) is { } value ? Number(value, Child(path, name), rule) : null;

    private double? OptionalNumber(Dictionary<string, JsonElement> props, string path, string name, NumberRule rule) =>
        props.TryGetValue(name, out var value) ? Number(value, Child(path, name), rule) : null;

    private string? String(JsonElement element, string path, bool nonEmpty)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Error(path, $"expected a {(nonEmpty ? "non-empty " : string.Empty)}string, got {Describe(element)}");
            return null;
        }

        string value = element.GetString()!;
        if (nonEmpty && value.Length == 0)
        {
            Error(path, "expected a non-empty string, got \"\"");
            return null;
        }

        return value;
    }

    private AttributeValue? Text(JsonElement element, string path) =>
        String(element, path, nonEmpty: false) is { } text ? AttributeValue.FromString(text) : null;

    private AttributeValue? Scalar(JsonElement element, string path)
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
                return Number(element, path, Comparand) is { } number ? number : null;
            default:
                Error(path, $"expected a string, number or boolean, got {Describe(element)}");
                return null;
        }
    }

    private double? Number(JsonElement element, string path, NumberRule rule)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            bool nonFinite = element.ValueKind == JsonValueKind.String
                && element.GetString() is "NaN" or "Infinity" or "-Infinity";
            Error(path, nonFinite ? $"expected {rule.Description}, got {element.GetString()} (numbers must be finite)" : $"expected {rule.Description}, got {Describe(element)}");
            return null;
        }

        if (!element.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            Error(path, $"expected {rule.Description}, got {element.GetRawText()} (out of range)");
            return null;
        }

        bool belowMin = rule.MinExclusive ? value <= rule.Min : value < rule.Min;
        if (belowMin || value > rule.Max)
        {
            Error(path, $"expected {rule.Description}, got {element.GetRawText()}");
            return null;
        }

        return value + 0.0; // folds -0 into 0
    }

    private void Error(string path, string message)
    {
        // One error per path: a value that is, say, both mistyped and then missing downstream is reported once.
        if (_errorPaths.Add(path))
        {
            _errors.Add(new RuleSetError(path, message));
        }
    }

    internal static string Child(string path, string name)
    {
        bool simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
        return simple ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    internal static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Describe(JsonElement element)
    {
        string kind = element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
        if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
        {
            return kind;
        }

        string raw = element.GetRawText();
        return $"{kind} {(raw.Length > 40 ? raw[..40] + "..." : raw)}";
    }

    // ---- malformed JSON ----------------------------------------------------------------------

    private static RuleSetError Malformed(ReadOnlySpan<byte> utf8, JsonException ex)
    {
        int line = (int)(ex.LineNumber ?? 0);
        long bytePosition = ex.BytePositionInLine ?? 0;
        int lineStart = 0;
        for (int l = 0; l < line && lineStart < utf8.Length; l++)
        {
            int next = utf8[lineStart..].IndexOf((byte)'\n');
            lineStart = next < 0 ? utf8.Length : lineStart + next + 1;
        }

        int prefixLength = (int)Math.Min(bytePosition, utf8.Length - lineStart);
        int column = Encoding.UTF8.GetCharCount(utf8.Slice(lineStart, Math.Max(0, prefixLength))) + 1;
        string reason = utf8.IsEmpty || utf8.Trim(" \t\r\n"u8).IsEmpty ? "the file is empty; expected a JSON object" : CleanReason(ex.Message);
        return new RuleSetError(PathAtError(utf8), "malformed JSON: " + reason, line + 1, column);
    }

    private static string CleanReason(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string reason = cut >= 0 ? message[..cut] : message;
        return reason.Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal).Trim();
    }

    /// <summary>The JSON path of the innermost value the reader had reached before the syntax error.</summary>
    private static string PathAtError(ReadOnlySpan<byte> utf8)
    {
        var frames = new List<(bool IsArray, int Index, string? Property)>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = (false, -1, reader.GetString());
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        BumpIndex(frames);
                        frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        BumpIndex(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Expected: the document is malformed; the frames say how far the reader got.
        }

        var path = new StringBuilder("$");
        foreach (var (isArray, index, property) in frames)
        {
            if (isArray && index >= 0)
            {
                path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (!isArray && property is not null)
            {
                string parent = path.ToString();
                path.Clear().Append(Child(parent, property));
            }
        }

        return path.ToString();

        static void BumpIndex(List<(bool IsArray, int Index, string? Property)> frames)
        {
            if (frames.Count > 0 && frames[^1].IsArray)
            {
                frames[^1] = (true, frames[^1].Index + 1, null);
            }
        }
    }

    private sealed record Box<T>(T Value);

    private readonly record struct NumberRule(double Min, bool MinExclusive, double Max, string Description);
}
