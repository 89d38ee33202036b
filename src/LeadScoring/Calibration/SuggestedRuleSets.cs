using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using LeadScoring.Funnel;
using LeadScoring.RuleSets;
using LeadScoring.Rules;
using LeadScoring.Scoring;

namespace LeadScoring.Calibration;

/// <summary>
/// The two rule sets a calibration offers, made by editing the rule set's own JSON so that everything the evidence
/// does not touch (descriptions, stages, property order) stays as the team wrote it:
/// the suggested one (points from the model, caps scaled alike, no probability section) and the calibrated one
/// (unchanged but for the fitted probability section).
/// </summary>
internal sealed class SuggestedRuleSets
{
    /// <summary>The largest magnitude a rule-set number may have (SPEC 3.7); suggestions beyond it are clamped to it.</summary>
    private const double MaxMagnitude = 1e9;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static SuggestedRuleSets None { get; } = new(null, null);

    private SuggestedRuleSets(string? suggestedJson, string? calibratedJson)
    {
        SuggestedJson = suggestedJson;
        CalibratedJson = calibratedJson;
        Suggested = suggestedJson is null ? null : ScoringModel.FromJson(suggestedJson);
        Calibrated = calibratedJson is null ? null : ScoringModel.FromJson(calibratedJson);
    }

    public string? SuggestedJson { get; }

    public ScoringModel? Suggested { get; }

    public string? CalibratedJson { get; }

    public ScoringModel? Calibrated { get; }

    /// <summary>
    /// Both rule sets from <paramref name="model"/>'s JSON: <paramref name="suggestedPoints"/> holds one unrounded
    /// suggestion per rule, then inactivity's when the rule set has it.
    /// </summary>
    public static SuggestedRuleSets From(ScoringModel model, ReadOnlySpan<double> suggestedPoints, ProbabilityFit probability)
    {
        var suggested = Parse(model.SourceJson);
        var rules = suggested[RuleSetJson.Rules]!.AsArray();
        for (int r = 0; r < rules.Count; r++)
        {
            Rescale(rules[r]!.AsObject(), RuleJson.Points, RuleJson.MaxPoints, suggestedPoints[r]);
        }

        if (suggested[FunnelJson.Inactivity] is JsonObject inactivity)
        {
            Rescale(inactivity, FunnelJson.Points, FunnelJson.MaxPenalty, suggestedPoints[rules.Count]);
        }

        suggested.Remove(RuleSetJson.Probability); // fitted to the old points, it no longer fits

        var calibrated = Parse(model.SourceJson);
        var section = new JsonObject
        {
            [RuleSetJson.Intercept] = Clamp(probability.Intercept, -MaxMagnitude),
            [RuleSetJson.Slope] = Clamp(probability.Slope, -MaxMagnitude),
        };
        if (calibrated.ContainsKey(RuleSetJson.Probability))
        {
            calibrated[RuleSetJson.Probability] = section; // in place, so the document keeps its order
        }
        else
        {
            calibrated.Add(RuleSetJson.Probability, section);
        }

        return new SuggestedRuleSets(suggested.ToJsonString(Indented), calibrated.ToJsonString(Indented));
    }

    /// <summary>The suggestion rounded to one decimal, halves away from zero.</summary>
    public static double RoundToTenth(double value) => (Math.Round(value * 10, MidpointRounding.AwayFromZero) / 10) + 0.0;

    private static JsonObject Parse(ReadOnlyMemory<byte> json)
    {
        var utf8 = json.Span;
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        return JsonNode.Parse(utf8)!.AsObject();
    }

    /// <summary>
    /// points := the suggestion rounded; a cap (when present and the old points are not 0) := cap x |suggestion / old
    /// points| rounded alike. Both clamped to what a rule set may hold.
    /// </summary>
    private static void Rescale(JsonObject owner, string pointsName, string capName, double suggestion)
    {
        double oldPoints = owner[pointsName]!.GetValue<double>();
        owner[pointsName] = RoundToTenth(Clamp(suggestion, -MaxMagnitude));
        if (oldPoints != 0 && owner[capName] is JsonNode cap)
        {
            owner[capName] = RoundToTenth(Clamp(cap.GetValue<double>() * Math.Abs(suggestion / oldPoints), 0));
        }
    }

    private static double Clamp(double value, double min) => Math.Clamp(value, min, MaxMagnitude);
}
