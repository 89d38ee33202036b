using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LeadScoring.Json;

/// <summary>
/// Writes a rule-set definition as spec JSON. It also serves the fluent builder, whose definitions
/// may hold nulls or non-finite numbers: those are written as JSON the reader rejects with a clear error.
/// </summary>
internal static class RuleSetJsonWriter
{
    internal static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The whole rule set, indented: the model's canonical form.</summary>
    public static byte[] ToUtf8(RuleSetDefinition definition) => Render(Indented, w => Write(w, definition)).ToArray();

    /// <summary>One part (a condition, a test, a filter) on one line, for <c>ToString</c>.</summary>
    public static string ToJson(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(Render(Compact, write));

    private static ReadOnlySpan<byte> Render(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return buffer.WrittenSpan;
    }

    public static void Write(Utf8JsonWriter w, RuleSetDefinition d)
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", RuleSetDefinition.SchemaVersion);
        OptionalString(w, "name", d.Name);
        OptionalString(w, "version", d.Version);
        if (d.Range is { } range)
        {
            w.WritePropertyName("range");
            WriteLimits(w, range);
        }

        if (d.Categories is { } categories)
        {
            w.WriteStartObject("categories");
            for (int i = 0; i < categories.Count; i++)
            {
                if (categories[i] is { } limits)
                {
                    w.WritePropertyName(JsonNames.Categories[i]);
                    WriteLimits(w, limits);
                }
            }

            w.WriteEndObject();
        }

        w.WritePropertyName("rules");
        List(w, d.Rules, WriteRule);

        if (d.Decay is { } decay)
        {
            w.WriteStartObject("decay");
            OptionalNumber(w, "halfLifeDays", decay.HalfLifeDays);
            OptionalNumber(w, "expireAfterDays", decay.ExpireAfterDays);
            if (decay.Categories is { } decayCategories)
            {
                w.WritePropertyName("categories");
                List(w, decayCategories, (w, c) => w.WriteStringValue(JsonNames.Of(c)));
            }

            w.WriteEndObject();
        }

        if (d.Inactivity is { } inactivity)
        {
            w.WriteStartObject("inactivity");
            Number(w, "afterDays", inactivity.AfterDays);
            Number(w, "everyDays", inactivity.EveryDays);
            Number(w, "points", inactivity.Points);
            OptionalNumber(w, "maxPenalty", inactivity.MaxPenalty);
            w.WriteEndObject();
        }

        if (d.Disqualify is { } disqualify)
        {
            w.WritePropertyName("disqualify");
            List(w, disqualify, (w, q) =>
            {
                w.WriteStartObject();
                String(w, "id", q.Id);
                w.WritePropertyName("when");
                WriteCondition(w, q.When);
                w.WriteEndObject();
            });
        }

        if (d.Stages is { } stages)
        {
            w.WritePropertyName("stages");
            List(w, stages, WriteStage);
        }

        if (d.Grades is { } grades)
        {
            w.WritePropertyName("grades");
            List(w, grades, (w, g) =>
            {
                w.WriteStartObject();
                String(w, "grade", g.Grade);
                Number(w, "minFit", g.MinFit);
                w.WriteEndObject();
            });
        }

        OptionalString(w, "defaultGrade", d.DefaultGrade);
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, RuleDefinition rule)
    {
        if (rule is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        String(w, "id", rule.Id);
        w.WriteString("category", JsonNames.Of(rule.Category));
        Number(w, "points", rule.Points);
        OptionalNumber(w, "maxPoints", rule.MaxPoints);
        OptionalString(w, "description", rule.Description);
        if (rule.Each is { } each)
        {
            w.WritePropertyName("each");
            WriteFilter(w, each, minCount: null);
        }
        else
        {
            w.WritePropertyName("when");
            WriteCondition(w, rule.When);
        }

        w.WriteEndObject();
    }

    private static void WriteStage(Utf8JsonWriter w, StageDefinition stage)
    {
        w.WriteStartObject();
        String(w, "name", stage.Name);
        OptionalNumber(w, "minScore", stage.MinScore);
        OptionalNumber(w, "minFit", stage.MinFit);
        OptionalNumber(w, "minEngagement", stage.MinEngagement);
        if (stage.When is { } when)
        {
            w.WritePropertyName("when");
            WriteCondition(w, when);
        }

        w.WriteEndObject();
    }

    public static void WriteCondition(Utf8JsonWriter w, Condition? condition)
    {
        switch (condition)
        {
            case FieldCondition field:
                WriteTest(w, field.Test, field.FieldName);
                break;
            case ActivityCondition activity:
                WriteFilter(w, activity.Filter, activity.MinCount);
                break;
            case GroupCondition group:
                w.WriteStartObject();
                w.WritePropertyName(group.IsAll ? "all" : "any");
                List(w, group.Items, WriteCondition);
                w.WriteEndObject();
                break;
            case NotCondition not:
                w.WriteStartObject();
                w.WritePropertyName("not");
                WriteCondition(w, not.Inner);
                w.WriteEndObject();
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }

    /// <summary>A field condition when <paramref name="field"/> is given, else a tag test.</summary>
    public static void WriteTest(Utf8JsonWriter w, ValueTest? test, string? field)
    {
        w.WriteStartObject();
        if (field is not null || test is null)
        {
            String(w, "field", field);
        }

        if (test is not null)
        {
            w.WriteString("op", JsonNames.Of(test.Operator));
            switch (test.Operator)
            {
                case TestOperator.Exists or TestOperator.Missing or TestOperator.IsTrue or TestOperator.IsFalse:
                    break;
                case TestOperator.In or TestOperator.NotIn or TestOperator.ContainsAny or TestOperator.Between:
                    w.WritePropertyName("value");
                    List(w, test.Operands, WriteValue);
                    break;
                default:
                    w.WritePropertyName("value");
                    WriteValue(w, test.Operand);
                    break;
            }
        }

        w.WriteEndObject();
    }

    /// <summary>An <c>each</c> body, or an activity condition when <paramref name="minCount"/> is given.</summary>
    public static void WriteFilter(Utf8JsonWriter w, ActivityFilter? filter, int? minCount)
    {
        w.WriteStartObject();
        w.WritePropertyName("activity");
        if (filter?.Types is { Count: 1 } single)
        {
            StringValue(w, single[0]);
        }
        else
        {
            List(w, filter?.Types, (w, t) => StringValue(w, t));
        }

        if (minCount is { } count && count != 1)
        {
            w.WriteNumber("minCount", count);
        }

        OptionalNumber(w, "withinDays", filter?.WithinDays);
        if (filter?.Tag is { } tag)
        {
            w.WritePropertyName("tag");
            WriteTest(w, tag, field: null);
        }

        w.WriteEndObject();
    }

    private static void WriteLimits(Utf8JsonWriter w, LimitsDefinition limits)
    {
        w.WriteStartObject();
        OptionalNumber(w, "min", limits.Min);
        OptionalNumber(w, "max", limits.Max);
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, AttributeValue value)
    {
        switch (value.Kind)
        {
            case AttributeKind.String:
                w.WriteStringValue(value.StringValue);
                break;
            case AttributeKind.Number:
                NumberValue(w, value.NumberValue);
                break;
            case AttributeKind.Boolean:
                w.WriteBooleanValue(value.BooleanValue);
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }

    private static void List<T>(Utf8JsonWriter w, IEnumerable<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(w, item);
        }

        w.WriteEndArray();
    }

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        StringValue(w, value);
    }

    private static void StringValue(Utf8JsonWriter w, string? value)
    {
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteStringValue(value);
        }
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        NumberValue(w, value);
    }

    private static void OptionalNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } number)
        {
            Number(w, name, number);
        }
    }

    // JSON has no NaN or infinity; the reader rejects these strings with "numbers must be finite".
    private static void NumberValue(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
