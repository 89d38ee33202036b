using LeadScoring.Validation;
using System.Text.Json;
using LeadScoring.Rules;

namespace LeadScoring.Calibration;

/// <summary>Writes a <see cref="CalibrationReport"/> as the <c>leadscore calibrate</c> report of SPEC section 6.</summary>
internal static class CalibrationReportJson
{
    public static void Write(Stream destination, CalibrationReport report)
    {
        using var writer = new Utf8JsonWriter(destination, LenientJsonWriter.Indented);
        writer.WriteStartObject();
        writer.WriteNumber("leads", report.Leads);
        writer.WriteNumber("won", report.Won);
        writer.WriteNumber("lost", report.Lost);
        writer.WriteNumber("undecided", report.Undecided);
        writer.WriteNumber("baseRate", report.BaseRate);
        writer.WriteNumber("training", report.Training);
        writer.WriteNumber("test", report.Test);
        writer.WriteStartObject("auc");
        writer.WriteNumberOrNull("score", report.Auc.Score);
        writer.WriteNumberOrNull("fit", report.Auc.Fit);
        writer.WriteNumberOrNull("engagement", report.Auc.Engagement);
        writer.WriteEndObject();

        writer.WriteStartArray("stages");
        foreach (var stage in report.Stages)
        {
            writer.WriteStartObject();
            writer.WriteString("stage", stage.Stage);
            WriteCounts(writer, stage.Leads, stage.Won, stage.Rate, stage.Lift);
            writer.WriteObjectOrNull("atOrAbove", stage.AtOrAbove, static (w, reach) =>
            {
                w.WriteNumber("leads", reach.Leads);
                w.WriteNumber("won", reach.Won);
                w.WriteNumberOrNull("precision", reach.Precision);
                w.WriteNumberOrNull("recall", reach.Recall);
            });
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (report.Grades is null)
        {
            writer.WriteNull("grades");
        }
        else
        {
            writer.WriteStartArray("grades");
            foreach (var grade in report.Grades)
            {
                writer.WriteStartObject();
                writer.WriteString("grade", grade.Grade);
                WriteCounts(writer, grade.Leads, grade.Won, grade.Rate, grade.Lift);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("bands");
        foreach (var band in report.Bands)
        {
            writer.WriteStartObject();
            writer.WriteNumber("from", band.From);
            writer.WriteNumber("to", band.To);
            WriteCounts(writer, band.Leads, band.Won, band.Rate, band.Lift);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("category", ScoreCategories.JsonName(rule.Category));
            writer.WriteNumber("fires", rule.Fires);
            writer.WriteNumber("won", rule.Won);
            writer.WriteNumberOrNull("rate", rule.Rate);
            writer.WriteNumberOrNull("rateLow", rule.RateLow);
            writer.WriteNumberOrNull("rateHigh", rule.RateHigh);
            writer.WriteNumberOrNull("lift", rule.Lift);
            writer.WriteNumberOrNull("weightOfEvidence", rule.WeightOfEvidence);
            writer.WriteNumberOrNull("coefficient", rule.Coefficient);
            writer.WriteNumberOrNull("suggestedPoints", rule.SuggestedPoints);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteObjectOrNull("bestThreshold", report.BestThreshold, static (w, threshold) =>
        {
            w.WriteNumber("score", threshold.Score);
            w.WriteNumberOrNull("precision", threshold.Precision);
            w.WriteNumberOrNull("recall", threshold.Recall);
            w.WriteNumberOrNull("f1", threshold.F1);
        });
        writer.WriteObjectOrNull("model", report.Model, static (w, model) =>
        {
            w.WriteNumber("intercept", model.Intercept);
            w.WriteNumber("l2", model.L2);
            w.WriteNumber("pointsToDoubleOdds", model.PointsToDoubleOdds);
            w.WriteStartObject("auc");
            w.WriteNumberOrNull("training", model.AucTraining);
            w.WriteNumberOrNull("test", model.AucTest);
            w.WriteEndObject();
        });
        writer.WriteObjectOrNull("probability", report.Probability, static (w, probability) =>
        {
            w.WriteNumber("intercept", probability.Intercept);
            w.WriteNumber("slope", probability.Slope);
            w.WriteNumberOrNull("brier", probability.Brier);
            w.WriteNumberOrNull("expectedCalibrationError", probability.ExpectedCalibrationError);
        });
        writer.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter writer, int leads, int won, double? rate, double? lift)
    {
        writer.WriteNumber("leads", leads);
        writer.WriteNumber("won", won);
        writer.WriteNumberOrNull("rate", rate);
        writer.WriteNumberOrNull("lift", lift);
    }
}
