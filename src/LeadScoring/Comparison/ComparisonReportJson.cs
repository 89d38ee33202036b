using LeadScoring.Validation;
using System.Text.Json;
using LeadScoring.Calibration;

namespace LeadScoring.Comparison;

/// <summary>Writes a <see cref="ComparisonReport"/> as the <c>leadscore diff</c> report of SPEC section 7.</summary>
internal static class ComparisonReportJson
{
    public static void Write(Stream destination, ComparisonReport report)
    {
        using var writer = new Utf8JsonWriter(destination, LenientJsonWriter.Indented);
        writer.WriteStartObject();
        writer.WriteNumber("leads", report.Leads);
        writer.WriteNumber("stageChanged", report.StageChanged);
        writer.WriteNumber("gradeChanged", report.GradeChanged);
        writer.WriteStartArray("transitions");
        foreach (var transition in report.Transitions)
        {
            writer.WriteStartObject();
            writer.WriteString("from", transition.From);
            writer.WriteString("to", transition.To);
            writer.WriteNumber("leads", transition.Leads);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        var score = report.Score;
        writer.WriteStartObject("score");
        writer.WriteNumber("meanOld", score.MeanOld);
        writer.WriteNumber("meanNew", score.MeanNew);
        writer.WriteNumber("meanDelta", score.MeanDelta);
        writer.WriteNumber("increased", score.Increased);
        writer.WriteNumber("decreased", score.Decreased);
        writer.WriteNumber("unchanged", score.Unchanged);
        writer.WriteNumber("maxIncrease", score.MaxIncrease);
        writer.WriteNumber("maxDecrease", score.MaxDecrease);
        writer.WriteEndObject();
        writer.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteObjectOrNull("old", rule.Old, WriteUsage);
            writer.WriteObjectOrNull("new", rule.New, WriteUsage);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteObjectOrNull("outcomes", report.Outcomes, static (w, outcomes) =>
        {
            w.WriteNumber("leads", outcomes.Leads);
            w.WriteNumber("won", outcomes.Won);
            w.WriteNumber("lost", outcomes.Lost);
            w.WriteNumberOrNull("aucOld", outcomes.AucOld);
            w.WriteNumberOrNull("aucNew", outcomes.AucNew);
        });
        writer.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter writer, RuleUsage usage)
    {
        writer.WriteNumber("fires", usage.Fires);
        writer.WriteNumber("meanPoints", usage.MeanPoints);
    }
}
