using System.Text.Json;
using LeadScoring.Conditions;
using LeadScoring.Rules;
using LeadScoring.Validation;

namespace LeadScoring.Funnel;

/// <summary>
/// The JSON form of the funnel sections (<c>decay</c>, <c>inactivity</c>, <c>disqualify</c>, <c>stages</c>,
/// <c>grades</c>, <c>defaultGrade</c>): property names, validating readers, writers.
/// </summary>
internal static class FunnelJson
{
    public const string Decay = "decay";
    public const string Inactivity = "inactivity";
    public const string Disqualify = "disqualify";
    public const string Stages = "stages";
    public const string Grades = "grades";
    public const string DefaultGrade = "defaultGrade";

    private const string HalfLifeDays = "halfLifeDays";
    private const string ExpireAfterDays = "expireAfterDays";
    private const string Categories = "categories";
    private const string AfterDays = "afterDays";
    private const string EveryDays = "everyDays";
    public const string Points = "points";
    public const string MaxPenalty = "maxPenalty";
    private const string Id = "id";
    private const string When = "when";
    private const string Name = "name";
    private const string MinScore = "minScore";
    private const string MinFit = "minFit";
    private const string MinEngagement = "minEngagement";
    private const string Grade = "grade";

    private static readonly string[] DecayProperties = [HalfLifeDays, ExpireAfterDays, Categories];
    private static readonly string[] InactivityProperties = [AfterDays, EveryDays, Points, MaxPenalty];
    private static readonly string[] DisqualifierProperties = [Id, When];
    private static readonly string[] StageProperties = [Name, MinScore, MinFit, MinEngagement, When];
    private static readonly string[] GradeProperties = [Grade, MinFit];

    public static DecayDefinition? ReadDecay(JsonValidator v, JsonElement element, string path)
    {
        var props = v.Properties(element, path, DecayProperties, "a decay object");
        if (props is null)
        {
            return null;
        }

        double? halfLife = v.OptionalNumber(props, path, HalfLifeDays, NumberRule.PositiveDays);
        double? expire = v.OptionalNumber(props, path, ExpireAfterDays, NumberRule.PositiveDays);
        bool hasHalfLife = props.ContainsKey(HalfLifeDays);
        bool hasExpire = props.ContainsKey(ExpireAfterDays);
        string halfLifePath = JsonPath.Child(path, HalfLifeDays);
        string expirePath = JsonPath.Child(path, ExpireAfterDays);
        if (hasHalfLife && hasExpire)
        {
            v.Error(expirePath, $"decay takes exactly one of {halfLifePath} and {expirePath}, not both");
        }
        else if (!hasHalfLife && !hasExpire)
        {
            v.Error(path, $"decay needs exactly one of {halfLifePath} or {expirePath}");
        }

        List<ScoreCategory>? categories = null;
        if (JsonValidator.Optional(props, Categories, out var list))
        {
            categories = v.Values(list, JsonPath.Child(path, Categories), "a list of categories", (e, p) => RuleJson.ReadCategory(v, e, p));
        }

        return (halfLife is null && expire is null) ? null : new DecayDefinition(halfLife, expire, categories);
    }

    public static InactivityDefinition? ReadInactivity(JsonValidator v, JsonElement element, string path)
    {
        var props = v.Properties(element, path, InactivityProperties, "an inactivity object");
        if (props is null)
        {
            return null;
        }

        double? after = v.RequiredNumber(props, path, AfterDays, NumberRule.DaysOrZero);
        double? every = v.RequiredNumber(props, path, EveryDays, NumberRule.PositiveDays);
        double? points = v.RequiredNumber(props, path, Points, NumberRule.AnyNumber);
        double? maxPenalty = v.OptionalNumber(props, path, MaxPenalty, NumberRule.NonNegative);
        return after is null || every is null || points is null ? null : new InactivityDefinition(after.Value, every.Value, points.Value, maxPenalty);
    }

    public static List<DisqualifierDefinition>? ReadDisqualifiers(JsonValidator v, JsonElement element, string path)
    {
        var list = v.List(element, path, "a list of disqualifiers", (e, p) => ReadDisqualifier(v, e, p));
        v.CheckUnique(element, path, Id, "disqualifier id");
        return list;
    }

    public static List<StageDefinition>? ReadStages(JsonValidator v, JsonElement element, string path)
    {
        var list = v.List(element, path, "a list of stages", (e, p) => ReadStage(v, e, p));
        v.CheckUnique(element, path, Name, "stage name");
        return list;
    }

    public static List<GradeDefinition>? ReadGrades(JsonValidator v, JsonElement element, string path) =>
        v.List(element, path, "a list of grades", (e, p) => ReadGrade(v, e, p));

    public static void WriteDecay(Utf8JsonWriter w, DecayDefinition decay)
    {
        w.WriteStartObject(Decay);
        w.WriteOptionalNumber(HalfLifeDays, decay.HalfLifeDays);
        w.WriteOptionalNumber(ExpireAfterDays, decay.ExpireAfterDays);
        if (decay.Categories is { } categories)
        {
            w.WriteList(Categories, categories, static (w, c) => RuleJson.WriteCategory(w, property: null, c));
        }

        w.WriteEndObject();
    }

    public static void WriteInactivity(Utf8JsonWriter w, InactivityDefinition inactivity)
    {
        w.WriteStartObject(Inactivity);
        w.WriteFiniteNumber(AfterDays, inactivity.AfterDays);
        w.WriteFiniteNumber(EveryDays, inactivity.EveryDays);
        w.WriteFiniteNumber(Points, inactivity.Points);
        w.WriteOptionalNumber(MaxPenalty, inactivity.MaxPenalty);
        w.WriteEndObject();
    }

    public static void WriteDisqualifiers(Utf8JsonWriter w, IReadOnlyList<DisqualifierDefinition> disqualifiers) =>
        w.WriteList(Disqualify, disqualifiers, static (w, q) =>
        {
            w.WriteStartObject();
            w.WriteStringOrNull(Id, q.Id);
            w.WritePropertyName(When);
            Condition.WriteJson(w, q.When);
            w.WriteEndObject();
        });

    public static void WriteStages(Utf8JsonWriter w, IReadOnlyList<StageDefinition> stages) =>
        w.WriteList(Stages, stages, static (w, stage) =>
        {
            w.WriteStartObject();
            w.WriteStringOrNull(Name, stage.Name);
            w.WriteOptionalNumber(MinScore, stage.MinScore);
            w.WriteOptionalNumber(MinFit, stage.MinFit);
            w.WriteOptionalNumber(MinEngagement, stage.MinEngagement);
            if (stage.When is { } when)
            {
                w.WritePropertyName(When);
                Condition.WriteJson(w, when);
            }

            w.WriteEndObject();
        });

    public static void WriteGrades(Utf8JsonWriter w, IReadOnlyList<GradeDefinition> grades) =>
        w.WriteList(Grades, grades, static (w, g) =>
        {
            w.WriteStartObject();
            w.WriteStringOrNull(Grade, g.Grade);
            w.WriteFiniteNumber(MinFit, g.MinFit);
            w.WriteEndObject();
        });

    private static DisqualifierDefinition? ReadDisqualifier(JsonValidator v, JsonElement element, string path)
    {
        var props = v.Properties(element, path, DisqualifierProperties, "a disqualifier { id, when }");
        if (props is null)
        {
            return null;
        }

        string? id = v.RequiredString(props, path, Id);
        Condition? when = v.Required(props, path, When) is { } w ? ConditionJson.ReadCondition(v, w, JsonPath.Child(path, When), depth: 1) : null;
        return id is null || when is null ? null : new DisqualifierDefinition(id, when);
    }

    private static StageDefinition? ReadStage(JsonValidator v, JsonElement element, string path)
    {
        var props = v.Properties(element, path, StageProperties, "a stage");
        if (props is null)
        {
            return null;
        }

        string? name = v.RequiredString(props, path, Name);
        double? minScore = v.OptionalNumber(props, path, MinScore, NumberRule.AnyNumber);
        double? minFit = v.OptionalNumber(props, path, MinFit, NumberRule.AnyNumber);
        double? minEngagement = v.OptionalNumber(props, path, MinEngagement, NumberRule.AnyNumber);
        Condition? when = null;
        bool whenOk = true;
        if (JsonValidator.Optional(props, When, out var w))
        {
            when = ConditionJson.ReadCondition(v, w, JsonPath.Child(path, When), depth: 1);
            whenOk = when is not null;
        }

        return name is null || !whenOk ? null : new StageDefinition(name, minScore, minFit, minEngagement, when);
    }

    private static GradeDefinition? ReadGrade(JsonValidator v, JsonElement element, string path)
    {
        var props = v.Properties(element, path, GradeProperties, "a grade { grade, minFit }");
        if (props is null)
        {
            return null;
        }

        string? grade = v.RequiredString(props, path, Grade);
        double? minFit = v.RequiredNumber(props, path, MinFit, NumberRule.AnyNumber);
        return grade is null || minFit is null ? null : new GradeDefinition(grade, minFit.Value);
    }
}
