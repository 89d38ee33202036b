using System.Text.Json;
using LeadScoring.Rules;

namespace LeadScoring.Scoring;

/// <summary>
/// Writes a scored lead as one result line of <c>leadscore score</c>: id, score, fit, engagement, stage, grade,
/// disqualifiedBy and categories, and with an explanation the non-zero rule contributions.
/// </summary>
public static class LeadScoreJson
{
    /// <summary>Writes a result object. Allocates nothing beyond what <paramref name="writer"/> buffers.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="result">The lead's score.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="leadId"/> is null.</exception>
    public static void WriteResult(Utf8JsonWriter writer, string leadId, in LeadScore result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(leadId);
        writer.WriteStartObject();
        WriteProperties(writer, leadId, result);
        writer.WriteEndObject();
    }

    /// <summary>Writes a result object with a <c>rules</c> list: every non-zero contribution, in rule-set order, then inactivity.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="explanation">The lead's explanation.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteResult(Utf8JsonWriter writer, string leadId, LeadScoreExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(leadId);
        ArgumentNullException.ThrowIfNull(explanation);
        writer.WriteStartObject();
        WriteProperties(writer, leadId, explanation.Result);
        writer.WriteStartArray("rules"u8);
        foreach (var rule in explanation.Rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, rule.Id);
            writer.WriteString("category"u8, ScoreCategories.JsonName(rule.Category));
            writer.WriteNumber("points"u8, rule.Points);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter writer, string leadId, in LeadScore result)
    {
        writer.WriteString("id"u8, leadId);
        writer.WriteNumber("score"u8, result.Score);
        writer.WriteNumber("fit"u8, result.Fit);
        writer.WriteNumber("engagement"u8, result.Engagement);
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
            writer.WriteNumber(ScoreCategories.JsonName(category), result[category]);
        }

        writer.WriteEndObject();
    }
}
