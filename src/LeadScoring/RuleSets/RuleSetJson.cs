using System.Text.Json;
using LeadScoring.Funnel;
using LeadScoring.Rules;
using LeadScoring.Validation;

namespace LeadScoring.RuleSets;

/// <summary>
/// The rule-set document: its top-level property names, the reader driver that validates a whole document
/// (handing each section to its vocabulary's reader and collecting every problem), and the writer driver.
/// </summary>
internal static class RuleSetJson
{
    public const string SchemaVersion = "schemaVersion";
    public const string Name = "name";
    public const string Version = "version";
    public const string Range = "range";
    public const string Categories = "categories";
    public const string Rules = "rules";
    public const string Probability = "probability";

    /// <summary>An editor's pointer to the JSON Schema: allowed at the top level, and ignored.</summary>
    public const string Schema = "$schema";

    private const string Min = "min";
    private const string Max = "max";
    public const string Intercept = "intercept";
    public const string Slope = "slope";

    // JSON nesting allowed by the parser: deep enough for 32 nested conditions (two levels each),
    // bounded so that a hostile document cannot exhaust the stack.
    private const int MaxJsonDepth = 256;

    private static readonly string[] RootProperties =
    [
        SchemaVersion, Name, Version, Range, Categories, Rules, FunnelJson.Decay, FunnelJson.Inactivity,
        FunnelJson.Disqualify, FunnelJson.Stages, FunnelJson.Grades, FunnelJson.DefaultGrade, Probability, Schema,
    ];

    private static readonly string[] ProbabilityProperties = [Intercept, Slope];

    private static readonly string[] LimitProperties = [Min, Max];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = MaxJsonDepth,
    };

    /// <summary>Reads and validates a rule set.</summary>
    /// <exception cref="RuleSetValidationException">Every problem found.</exception>
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
            throw new RuleSetValidationException([MalformedJson.ToError(utf8.Span, ex, MaxJsonDepth)]);
        }

        using (document)
        {
            var validator = new JsonValidator();
            RuleSetDefinition? definition;
            try
            {
                definition = ReadRoot(validator, document.RootElement);
            }
            catch (InvalidOperationException) when (JsonText.FindInvalidString(utf8.Span, MaxJsonDepth) is var (path, line, column))
            {
                // Invalid UTF-8 or an unpaired surrogate escape: the parser accepts them, reading the string throws.
                throw new RuleSetValidationException([new RuleSetError(path, JsonText.InvalidStringMessage, line, column)]);
            }

            if (validator.HasErrors || definition is null)
            {
                throw new RuleSetValidationException(validator.Errors);
            }

            return definition;
        }
    }

    /// <summary>The whole rule set, indented: the model's canonical form.</summary>
    public static byte[] ToUtf8(RuleSetDefinition definition) => LenientJsonWriter.ToUtf8(LenientJsonWriter.Indented, w => Write(w, definition));

    public static void Write(Utf8JsonWriter w, RuleSetDefinition d)
    {
        w.WriteStartObject();
        w.WriteNumber(SchemaVersion, RuleSetDefinition.SchemaVersion);
        w.WriteOptionalString(Name, d.Name);
        w.WriteOptionalString(Version, d.Version);
        if (d.Range is { } range)
        {
            WriteLimits(w, Range, range);
        }

        if (d.Categories is { } categories)
        {
            w.WriteStartObject(Categories);
            foreach (var category in ScoreCategories.All)
            {
                if ((int)category < categories.Count && categories[(int)category] is { } limits)
                {
                    WriteLimits(w, ScoreCategories.JsonName(category), limits);
                }
            }

            w.WriteEndObject();
        }

        w.WriteList(Rules, d.Rules, RuleJson.Write);
        if (d.Decay is { } decay)
        {
            FunnelJson.WriteDecay(w, decay);
        }

        if (d.Inactivity is { } inactivity)
        {
            FunnelJson.WriteInactivity(w, inactivity);
        }

        if (d.Disqualify is { } disqualify)
        {
            FunnelJson.WriteDisqualifiers(w, disqualify);
        }

        if (d.Stages is { } stages)
        {
            FunnelJson.WriteStages(w, stages);
        }

        if (d.Grades is { } grades)
        {
            FunnelJson.WriteGrades(w, grades);
        }

        w.WriteOptionalString(FunnelJson.DefaultGrade, d.DefaultGrade);
        if (d.Probability is { } probability)
        {
            w.WriteStartObject(Probability);
            w.WriteFiniteNumber(Intercept, probability.Intercept);
            w.WriteFiniteNumber(Slope, probability.Slope);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static RuleSetDefinition? ReadRoot(JsonValidator v, JsonElement root)
    {
        const string path = JsonPath.Root;
        var props = v.Properties(root, path, RootProperties, "a rule set");
        if (props is null)
        {
            return null;
        }

        if (v.Required(props, path, SchemaVersion) is { } version)
        {
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetDouble(out double number) || number != RuleSetDefinition.SchemaVersion)
            {
                v.Error(JsonPath.Child(path, SchemaVersion), $"unsupported schema version {JsonValidator.Describe(version)}; expected 1");
            }
        }

        string? name = v.OptionalString(props, path, Name, nonEmpty: true);
        string? setVersion = v.OptionalString(props, path, Version, nonEmpty: true);
        LimitsDefinition? range = JsonValidator.Optional(props, Range, out var rangeElement)
            ? ReadLimits(v, rangeElement, JsonPath.Child(path, Range), LimitsDefinition.DefaultRange)
            : null;
        var categories = JsonValidator.Optional(props, Categories, out var categoriesElement)
            ? ReadCategories(v, categoriesElement, JsonPath.Child(path, Categories))
            : null;

        List<RuleDefinition>? rules = null;
        if (v.Required(props, path, Rules) is { } rulesElement)
        {
            string rulesPath = JsonPath.Child(path, Rules);
            rules = v.List(rulesElement, rulesPath, "a list of rules", (e, p) => RuleJson.Read(v, e, p));
            v.CheckUnique(rulesElement, rulesPath, RuleJson.Id, "rule id");
        }

        var decay = Section(v, props, FunnelJson.Decay, FunnelJson.ReadDecay);
        var inactivity = Section(v, props, FunnelJson.Inactivity, FunnelJson.ReadInactivity);
        var disqualify = Section(v, props, FunnelJson.Disqualify, FunnelJson.ReadDisqualifiers);
        var stages = Section(v, props, FunnelJson.Stages, FunnelJson.ReadStages);
        var grades = Section(v, props, FunnelJson.Grades, FunnelJson.ReadGrades);
        string? defaultGrade = v.OptionalString(props, path, FunnelJson.DefaultGrade, nonEmpty: true);
        var probability = Section(v, props, Probability, ReadProbability);
        _ = v.OptionalString(props, path, Schema, nonEmpty: false); // must be a string; otherwise ignored

        if (rules is null || v.HasErrors)
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
            Probability = probability,
        };
    }

    private static ProbabilityDefinition? ReadProbability(JsonValidator v, JsonElement element, string path)
    {
        var props = v.Properties(element, path, ProbabilityProperties, "a probability object { intercept, slope }");
        if (props is null)
        {
            return null;
        }

        double? intercept = v.RequiredNumber(props, path, Intercept, NumberRule.AnyNumber);
        double? slope = v.RequiredNumber(props, path, Slope, NumberRule.AnyNumber);
        return intercept is null || slope is null ? null : new ProbabilityDefinition(intercept.Value, slope.Value);
    }

    private static T? Section<T>(JsonValidator v, Dictionary<string, JsonElement> props, string name, Func<JsonValidator, JsonElement, string, T?> read)
        where T : class =>
        JsonValidator.Optional(props, name, out var element) ? read(v, element, JsonPath.Child(JsonPath.Root, name)) : null;

    private static LimitsDefinition? ReadLimits(JsonValidator v, JsonElement element, string path, LimitsDefinition? defaults)
    {
        var props = v.Properties(element, path, LimitProperties, "an object with optional 'min' and 'max'");
        if (props is null)
        {
            return null;
        }

        double? min = v.OptionalNumber(props, path, Min, NumberRule.AnyNumber);
        double? max = v.OptionalNumber(props, path, Max, NumberRule.AnyNumber);
        double? effectiveMin = min ?? defaults?.Min;
        double? effectiveMax = max ?? defaults?.Max;
        if (effectiveMin > effectiveMax)
        {
            string maxText = max is null ? $"{JsonValidator.Format(effectiveMax.Value)}, the default" : JsonValidator.Format(effectiveMax.Value);
            v.Error(JsonPath.Child(path, min is null ? Max : Min), $"min ({JsonValidator.Format(effectiveMin.Value)}) must not exceed max ({maxText}) in {path}");
        }

        return new LimitsDefinition(min, max);
    }

    private static LimitsDefinition?[]? ReadCategories(JsonValidator v, JsonElement element, string path)
    {
        var props = v.Properties(element, path, ScoreCategories.JsonNames, "an object keyed by category");
        if (props is null)
        {
            return null;
        }

        var limits = new LimitsDefinition?[ScoreCategories.Count];
        foreach (var (name, value) in props)
        {
            ScoreCategories.TryParse(name, out var category);
            limits[(int)category] = ReadLimits(v, value, JsonPath.Child(path, name), defaults: null);
        }

        return limits;
    }

    private static void WriteLimits(Utf8JsonWriter w, string property, LimitsDefinition limits)
    {
        w.WriteStartObject(property);
        w.WriteOptionalNumber(Min, limits.Min);
        w.WriteOptionalNumber(Max, limits.Max);
        w.WriteEndObject();
    }
}
