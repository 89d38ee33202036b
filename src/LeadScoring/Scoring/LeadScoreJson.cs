using System.Text.Json;
using LeadScoring.Rules;

namespace LeadScoring.Scoring;

/// <summary>
/// Writes a scored lead as one result line of <c>leadscore score</c>: id, score, fit, engagement, stage, grade,
/// disqualifiedBy, categories and probability (when the rule set has one); with an explanation the non-zero
/// rule contributions (<c>rules</c>); with a change since an earlier instant, <c>since</c> and <c>changes</c>.
/// </summary>
public static class LeadScoreJson
{
    // The categories' property names, encoded once: a string name would be transcoded to UTF-8 for every result.
    private static readonly byte[][] CategoryNames = Array.ConvertAll(ScoreCategories.JsonNames, System.Text.Encoding.UTF8.GetBytes);

    /// <summary>Writes a result object. Allocates nothing beyond what <paramref name="writer"/> buffers.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="result">The lead's score.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="leadId"/> is null.</exception>
    public static void WriteResult(Utf8JsonWriter writer, string leadId, in LeadScore result)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        Write(writer, leadId, result, null, null);
    }

    /// <summary>Writes a result object with a <c>rules</c> list: every non-zero contribution, in rule-set order, then inactivity.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="explanation">The lead's explanation.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteResult(Utf8JsonWriter writer, string leadId, LeadScoreExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(leadId);
        Write(writer, leadId, explanation.Result, explanation.Rules, null);
    }

    /// <summary>
    /// Writes the result at the later instant of <paramref name="change"/> with <c>since</c> (score, stage and grade
    /// at the earlier one) and <c>changes</c> (every rule whose contribution moved, with the difference), and with
    /// <paramref name="explanation"/> also its <c>rules</c>.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="change">The lead's score change.</param>
    /// <param name="explanation">The explanation at the later instant, or null for no <c>rules</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/>, <paramref name="leadId"/> or <paramref name="change"/> is null.</exception>
    public static void WriteResult(Utf8JsonWriter writer, string leadId, ScoreChange change, LeadScoreExplanation? explanation)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(leadId);
        Write(writer, leadId, change.After, explanation?.Rules, change);
    }

    /// <summary>The result object; <paramref name="leadId"/> null leaves out <c>id</c> (a result serialised on its own).</summary>
    internal static void Write(Utf8JsonWriter writer, string? leadId, in LeadScore result, IReadOnlyList<RuleContribution>? rules, ScoreChange? change)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (leadId is not null)
        {
            writer.WriteString("id"u8, leadId);
        }

        WriteNumber(writer, "score"u8, result.Score);
        WriteNumber(writer, "fit"u8, result.Fit);
        WriteNumber(writer, "engagement"u8, result.Engagement);
        writer.WriteString("stage"u8, result.Stage);
        writer.WriteString("grade"u8, result.Grade);
        writer.WriteStartArray("disqualifiedBy"u8);
        foreach (string id in result.DisqualifiedBy)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("categories"u8);
        foreach (var category in ScoreCategories.All)
        {
            WriteNumber(writer, CategoryNames[(int)category], result[category]);
        }

        writer.WriteEndObject();
        if (result.Probability is { } probability)
        {
            WriteNumber(writer, "probability"u8, probability);
        }

        if (rules is not null)
        {
            WriteContributions(writer, "rules"u8, rules);
        }

        if (change is not null)
        {
            writer.WriteStartObject("since"u8);
            WriteNumber(writer, "score"u8, change.Before.Score);
            writer.WriteString("stage"u8, change.Before.Stage);
            writer.WriteString("grade"u8, change.Before.Grade);
            writer.WriteEndObject();
            WriteContributions(writer, "changes"u8, change.Changes);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// A number as <see cref="Utf8JsonWriter"/> writes a double: an integral one (most categories, often the fit)
    /// through the integer it is, any other finite one through <see cref="ShortestDouble"/> (the same text, found
    /// about 2.5 times faster), NaN and the infinities by the writer itself (which refuses them).
    /// </summary>
    private static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value)
    {
        Span<byte> text = stackalloc byte[ShortestDouble.MaxLength];
        if (PrintsAsInteger(value, out long integer))
        {
            writer.WriteNumber(name, integer);
        }
        else if (ShortestDouble.TryFormat(value, text, out int length))
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(text[..length], skipInputValidation: true);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }

    /// <summary>
    /// Whether a double prints as the integer it equals: below 1e15 every integer digit is printed (no exponent);
    /// -0 prints as "-0", which an integer cannot.
    /// </summary>
    internal static bool PrintsAsInteger(double value, out long integer)
    {
        bool isInteger = Math.Abs(value) < 1e15 && value == Math.Truncate(value) && (value != 0 || !double.IsNegative(value));
        integer = isInteger ? (long)value : 0;
        return isInteger;
    }

    private static void WriteContributions(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<RuleContribution> contributions)
    {
        writer.WriteStartArray(name);
        foreach (var rule in contributions)
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, rule.Id);
            writer.WriteString("category"u8, ScoreCategories.JsonName(rule.Category));
            WriteNumber(writer, "points"u8, rule.Points);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
