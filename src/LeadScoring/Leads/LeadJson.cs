using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using LeadScoring.Validation;

namespace LeadScoring.Leads;

/// <summary>
/// The lead JSON format: <c>{ "id", "attributes", "activities" }</c>, one object per lead. Parsing is strict
/// (unknown properties, wrong types, timestamps without an offset and attribute names that differ only
/// in case are errors) and reflection-free.
/// </summary>
public static partial class LeadJson
{
    private static readonly string[] LeadProperties = ["id", "attributes", "activities", "outcome"];
    private static readonly string[] OutcomeProperties = ["result", "at"];

    // A longer string is no timestamp (it is never copied out to be parsed).
    private const int MaxTimestampLength = 64;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Writes a lead as one lead JSON object (id, attributes, activities, outcome), the form <see cref="Parse(string)"/> reads.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="lead">The lead.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="lead"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, Lead lead)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lead);
        writer.WriteStartObject();
        writer.WriteString("id"u8, lead.Id);
        writer.WriteStartObject("attributes"u8);
        foreach (var attribute in lead.Attributes)
        {
            var value = attribute.Value;
            switch (value.Kind)
            {
                case AttributeKind.String:
                    writer.WriteString(attribute.Name, value.StringValue);
                    break;
                case AttributeKind.Number:
                    writer.WriteNumber(attribute.Name, value.NumberValue);
                    break;
                case AttributeKind.Boolean:
                    writer.WriteBoolean(attribute.Name, value.BooleanValue);
                    break;
                case AttributeKind.Missing:
                    writer.WriteNull(attribute.Name);
                    break;
            }
        }

        writer.WriteEndObject();
        writer.WriteStartArray("activities"u8);
        foreach (var activity in lead.Activities)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, activity.Type);
            writer.WriteString("at"u8, activity.At); // ISO 8601 with its offset, to the tick
            if (activity.Tag is not null)
            {
                writer.WriteString("tag"u8, activity.Tag);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (lead.Outcome is { } outcome)
        {
            writer.WriteStartObject("outcome"u8);
            writer.WriteString("result"u8, outcome.IsWon ? "won"u8 : "lost"u8);
            writer.WriteString("at"u8, outcome.At);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Parses one lead.</summary>
    /// <param name="json">One lead object.</param>
    /// <returns>The lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="LeadFormatException">The JSON is not a valid lead.</exception>
    public static Lead Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses one lead from UTF-8.</summary>
    /// <param name="utf8Json">One lead object, as UTF-8.</param>
    /// <returns>The lead.</returns>
    /// <exception cref="LeadFormatException">The JSON is not a valid lead.</exception>
    public static Lead Parse(ReadOnlySpan<byte> utf8Json)
    {
        var lead = new Lead("-");
        if (!TryParse(utf8Json, lead, out string? error))
        {
            throw new LeadFormatException(error, TryReadId(utf8Json));
        }

        return lead;
    }

    /// <summary>
    /// Parses one lead into <paramref name="target"/>, reusing its buffers (for streams of leads).
    /// On failure <paramref name="error"/> says what is wrong, with a JSON path and the lead's id when known.
    /// </summary>
    /// <param name="utf8Json">One lead object, as UTF-8.</param>
    /// <param name="target">The lead to fill; it is emptied first.</param>
    /// <param name="error">What is wrong, when the JSON is not a valid lead.</param>
    /// <returns>Whether the JSON is a valid lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, Lead target, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(target);
        var activities = new IntoLead(target);
        return TryParse(utf8Json, target, ref activities, out error);
    }

    /// <summary>
    /// Parses one lead into <paramref name="target"/>, its activities into <paramref name="activities"/> instead
    /// (the tool's scoring path resolves them for a model as they are read); the same checks and errors as
    /// <see cref="TryParse(ReadOnlySpan{byte}, Lead, out string?)"/>.
    /// </summary>
    internal static bool TryParse<TSink>(ReadOnlySpan<byte> utf8Json, Lead target, ref TSink activities, [NotNullWhen(false)] out string? error)
        where TSink : struct, ILeadActivitySink
    {
        target.Clear();
        activities.Clear();

        // The usual lead takes the fast path; anything it does not handle (escapes, unusual values, any error) is
        // parsed again strictly, which gives the result or the error.
        if (TryReadPlain(utf8Json, target, ref activities) is { } plainId)
        {
            target.Id = plainId;
            error = null;
            return true;
        }

        target.Clear();
        activities.Clear();
        return TryParseStrict(utf8Json, target, ref activities, out error);
    }

    /// <summary>The strict parser alone (what the fast path must agree with; the tests compare them).</summary>
    internal static bool TryParseStrict(ReadOnlySpan<byte> utf8Json, Lead target, [NotNullWhen(false)] out string? error)
    {
        target.Clear();
        var activities = new IntoLead(target);
        return TryParseStrict(utf8Json, target, ref activities, out error);
    }

    private static bool TryParseStrict<TSink>(ReadOnlySpan<byte> utf8Json, Lead target, ref TSink activities, [NotNullWhen(false)] out string? error)
        where TSink : struct, ILeadActivitySink
    {
        string? id = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            error = ReadLead(ref reader, target, ref activities, ref id);
            if (error is null && reader.Read())
            {
                error = "unexpected content after the lead object";
            }
        }
        catch (JsonException ex)
        {
            error = $"malformed JSON at column {(ex.BytePositionInLine ?? 0) + 1}: {Quoted.ParserReason(ex.Message)}";
        }
        catch (InvalidOperationException) when (JsonText.FindInvalidString(utf8Json, ReaderOptions.MaxDepth) is var (path, _, column))
        {
            // Invalid UTF-8 or an unpaired surrogate escape: the reader accepts them, reading the string throws.
            error = $"{path}: {JsonText.InvalidStringMessage} (column {column})";
        }

        if (error is null)
        {
            target.Id = id!;
            return true;
        }

        error = Quoted.OneLine(error);
        id ??= TryReadId(utf8Json);
        if (id is not null)
        {
            error = $"lead {Quoted.Text(id)}: {error}";
        }

        return false;
    }

    private static string? ReadLead<TSink>(ref Utf8JsonReader reader, Lead lead, ref TSink activities, ref string? id)
        where TSink : struct, ILeadActivitySink
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return $"$: expected a lead object, got {Describe(ref reader)}";
        }

        bool seenAttributes = false, seenActivities = false, seenOutcome = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                if (id is not null)
                {
                    return "$.id: duplicate property 'id'";
                }

                reader.Read();
                if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.IsEmpty)
                {
                    return $"$.id: expected a non-empty string, got {Describe(ref reader)}";
                }

                id = reader.GetString()!;
            }
            else if (reader.ValueTextEquals("attributes"u8))
            {
                if (seenAttributes)
                {
                    return "$.attributes: duplicate property 'attributes'";
                }

                seenAttributes = true;
                if (ReadAttributes(ref reader, lead) is { } error)
                {
                    return error;
                }
            }
            else if (reader.ValueTextEquals("activities"u8))
            {
                if (seenActivities)
                {
                    return "$.activities: duplicate property 'activities'";
                }

                seenActivities = true;
                if (ReadActivities(ref reader, ref activities) is { } error)
                {
                    return error;
                }
            }
            else if (reader.ValueTextEquals("outcome"u8))
            {
                if (seenOutcome)
                {
                    return "$.outcome: duplicate property 'outcome'";
                }

                seenOutcome = true;
                if (ReadOutcome(ref reader, lead) is { } error)
                {
                    return error;
                }
            }
            else
            {
                string name = reader.GetString()!;
                return $"{JsonPath.Child(JsonPath.Root, name)}: unknown property {Quoted.Text(name)}{Suggestions.DidYouMean(name, LeadProperties)}; a lead has: id, attributes, activities, outcome";
            }
        }

        return id is null ? "$.id: required" : null;
    }

    private static string? ReadOutcome(ref Utf8JsonReader reader, Lead lead)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return $"$.outcome: expected an object {{ result, at }}, got {Describe(ref reader)}";
        }

        bool? won = null;
        DateTimeOffset? at = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                if (won is not null)
                {
                    return "$.outcome.result: duplicate property 'result'";
                }

                won = reader.TokenType != JsonTokenType.String ? null : reader.ValueTextEquals("won"u8) ? true : reader.ValueTextEquals("lost"u8) ? false : null;
                if (won is null)
                {
                    return $"$.outcome.result: expected \"won\" or \"lost\", got {Describe(ref reader)}";
                }
            }
            else if (reader.ValueTextEquals("at"u8))
            {
                reader.Read();
                if (at is not null)
                {
                    return "$.outcome.at: duplicate property 'at'";
                }

                if (ReadTimestamp(ref reader, out var parsed) is { } error)
                {
                    return "$.outcome.at: " + error;
                }

                at = parsed;
            }
            else
            {
                string name = reader.GetString()!;
                return $"{JsonPath.Child("$.outcome", name)}: unknown property {Quoted.Text(name)}{Suggestions.DidYouMean(name, OutcomeProperties)}; an outcome has: result, at";
            }
        }

        if (won is null)
        {
            return "$.outcome.result: required";
        }

        if (at is null)
        {
            return "$.outcome.at: required";
        }

        lead.Outcome = new LeadOutcome(won.Value, at.Value);
        return null;
    }

    /// <summary>Copies the current string into <paramref name="chars"/>; -1 when it does not fit (then it is no timestamp).</summary>
    private static int CopyShortString(ref Utf8JsonReader reader, scoped Span<char> chars)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > chars.Length)
        {
            return -1;
        }

        // The usual value is plain ASCII: widened without decoding.
        return !reader.ValueIsEscaped && Ascii.ToUtf16(reader.ValueSpan, chars, out int widened) == OperationStatus.Done
            ? widened
            : reader.CopyString(chars);
    }

    /// <summary>Reads an ISO 8601 date-time with a UTC offset; returns what is wrong (without a path), or null.</summary>
    private static string? ReadTimestamp(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return $"expected an ISO 8601 date-time with a UTC offset, got {Describe(ref reader)}";
        }

        Span<char> timestamp = stackalloc char[MaxTimestampLength];
        int length = CopyShortString(ref reader, timestamp);
        if (length < 0 || !Iso8601.TryParse(timestamp[..length], out value))
        {
            return $"expected an ISO 8601 date-time with a UTC offset (e.g. 2026-10-28T09:15:00Z), got {Describe(ref reader)}";
        }

        return null;
    }

    private static string? ReadAttributes(ref Utf8JsonReader reader, Lead lead)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return $"$.attributes: expected an object, got {Describe(ref reader)}";
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = ReadString(ref reader);
            reader.Read();
            AttributeValue value;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    value = ReadString(ref reader);
                    break;
                case JsonTokenType.Number:
                    value = reader.TryGetDouble(out double number) ? number : double.Parse(reader.ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case JsonTokenType.True:
                    value = true;
                    break;
                case JsonTokenType.False:
                    value = false;
                    break;
                case JsonTokenType.Null:
                    value = AttributeValue.Missing;
                    break;
                default:
                    return $"{JsonPath.Child("$.attributes", name)}: expected a string, number, boolean or null, got {Describe(ref reader)}";
            }

            if (name.Length == 0)
            {
                return "$.attributes: attribute names must be non-empty";
            }

            if (!lead.TryAdd(name, value))
            {
                return $"{JsonPath.Child("$.attributes", name)}: duplicate attribute {Quoted.Text(name)} (attribute names are matched ignoring case)";
            }
        }

        return null;
    }

    private static string? ReadActivities<TSink>(ref Utf8JsonReader reader, ref TSink activities)
        where TSink : struct, ILeadActivitySink
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return $"$.activities: expected a list, got {Describe(ref reader)}";
        }

        for (int index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return $"{ActivityPath(index)}: expected an activity object, got {Describe(ref reader)}";
            }

            string? tag = null;
            DateTimeOffset? at = null;
            bool seenType = false, seenTag = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    if (seenType || reader.TokenType != JsonTokenType.String || reader.ValueSpan.IsEmpty)
                    {
                        return seenType ? $"{ActivityPath(index)}.type: duplicate property 'type'" : $"{ActivityPath(index)}.type: expected a non-empty string, got {Describe(ref reader)}";
                    }

                    seenType = true;
                    if (!reader.ValueIsEscaped && !reader.HasValueSequence && Utf8.IsValid(reader.ValueSpan))
                    {
                        activities.SetType(reader.ValueSpan, Ascii.IsValid(reader.ValueSpan));
                    }
                    else
                    {
                        activities.SetType(reader.GetString()!); // throws for invalid UTF-8, reported like any other
                    }
                }
                else if (reader.ValueTextEquals("at"u8))
                {
                    reader.Read();
                    if (at is not null)
                    {
                        return $"{ActivityPath(index)}.at: duplicate property 'at'";
                    }

                    if (ReadTimestamp(ref reader, out var parsed) is { } error)
                    {
                        return $"{ActivityPath(index)}.at: {error}";
                    }

                    at = parsed;
                }
                else if (reader.ValueTextEquals("tag"u8))
                {
                    reader.Read();
                    if (seenTag)
                    {
                        return $"{ActivityPath(index)}.tag: duplicate property 'tag'";
                    }

                    seenTag = true;
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        return $"{ActivityPath(index)}.tag: expected a string, got {Describe(ref reader)}";
                    }

                    tag = reader.TokenType == JsonTokenType.Null ? null
                        : activities.KeepsTags ? ReadString(ref reader)
                        : CheckString(ref reader);
                }
                else
                {
                    string name = reader.GetString()!;
                    return $"{JsonPath.Child(ActivityPath(index), name)}: unknown property {Quoted.Text(name)}{Suggestions.DidYouMean(name, ["type", "at", "tag"])}; an activity has: type, at, tag";
                }
            }

            if (!seenType)
            {
                return $"{ActivityPath(index)}.type: required";
            }

            if (at is null)
            {
                return $"{ActivityPath(index)}.at: required";
            }

            activities.Add(at.Value.UtcTicks, (int)(at.Value.Offset.Ticks / TimeSpan.TicksPerMinute), tag);
        }

        return null;
    }

    /// <summary>The current string or property name, from this thread's pool when it repeats (see <see cref="Utf8StringPool"/>).</summary>
    private static string ReadString(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence && Utf8StringPool.ForThread.TryGet(reader.ValueSpan, out string? pooled)
            ? pooled
            : reader.GetString()!;

    /// <summary>The string of valid UTF-8 bytes, from <paramref name="pool"/> when it repeats.</summary>
    private static string Decode(ReadOnlySpan<byte> utf8, Utf8StringPool pool) =>
        pool.TryGet(utf8, out string? pooled) ? pooled : Encoding.UTF8.GetString(utf8);

    /// <summary>Checks that the current string decodes, as reading it would, without making it; returns null.</summary>
    private static string? CheckString(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || !Ascii.IsValid(reader.ValueSpan))
        {
            _ = reader.GetString(); // throws for invalid UTF-8 or an unpaired surrogate escape, reported like any other
        }

        return null;
    }

    // Built only when there is an error: a valid activity allocates no path.
    private static string ActivityPath(int index) => JsonPath.Index("$.activities", index);

    private static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return "an object";
            case JsonTokenType.StartArray:
                return "a list";
            case JsonTokenType.Null:
                return "null";
            case JsonTokenType.True or JsonTokenType.False:
                return "a boolean";
            case JsonTokenType.Number:
                return "a number " + Quoted.Raw(Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.String:
                return "a string " + Quoted.Text(JsonText.Lenient(ref reader));
            default:
                return reader.TokenType.ToString();
        }
    }

    // Only on the error path: finds the top-level id so that the message can name the lead.
    private static string? TryReadId(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String && JsonText.IsValid(ref reader))
                {
                    return reader.GetString() is { Length: > 0 } id ? id : null;
                }

                reader.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The id is best effort: a lead broken before its id (or in a property name) stays anonymous.
        }

        return null;
    }

    /// <summary>The usual sink: activities go to the lead, types and tags as strings.</summary>
    private struct IntoLead(Lead lead) : ILeadActivitySink
    {
        private readonly Utf8StringPool _pool = Utf8StringPool.ForThread;
        private string? _type;

        public readonly bool KeepsTags => true;

        public readonly void Clear()
        {
            // TryParse empties the lead itself.
        }

        public void SetType(ReadOnlySpan<byte> utf8, bool isAscii) => _type = Decode(utf8, _pool);

        public void SetType(string type) => _type = type;

        public readonly void Add(long utcTicks, int offsetMinutes, string? tag) => lead.AddActivity(_type!, Iso8601.ToDateTimeOffset(utcTicks, offsetMinutes), tag);
    }
}
