using System.Globalization;
using System.Text;
using LeadScoring.Funnel;
using LeadScoring.Rules;

namespace LeadScoring.Cli;

/// <summary>
/// <c>score --explain --format text</c>: a lead's result as a small table a person can read, with each rule's
/// description and what the next stage still needs, instead of a JSON line.
/// </summary>
internal sealed class TextResult(ScoringModel model)
{
    private readonly Dictionary<string, string?> _descriptions =
        model.Definition.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Description, StringComparer.Ordinal);

    /// <summary>The lead's block of lines, ending with a blank line.</summary>
    public string Format(string leadId, LeadScoreExplanation explanation, ScoreChange? change)
    {
        var c = CultureInfo.InvariantCulture;
        var result = explanation.Result;
        var text = new StringBuilder();
        text.Append(c, $"{leadId}: score {Number(result.Score)} (fit {Number(result.Fit)}, engagement {Number(result.Engagement)}), stage {result.Stage ?? "none"}, grade {result.Grade ?? "none"}");
        if (result.Probability is { } p)
        {
            text.Append(c, $", win probability {p:0.0%}");
        }

        text.AppendLine();
        foreach (var rule in explanation.Rules)
        {
            text.AppendLine(Row(rule));
        }

        if (explanation.Rules.Count == 0)
        {
            text.AppendLine("  (no rule contributes)");
        }

        if (explanation.DisqualifiedBy.Count > 0)
        {
            text.AppendLine(c, $"  disqualified by: {string.Join(", ", explanation.DisqualifiedBy)}");
        }
        else if (explanation.NextStage is { } gap)
        {
            var needs = new List<string>();
            if (gap.ScoreNeeded > 0)
            {
                needs.Add($"{Number(gap.ScoreNeeded)} more score");
            }

            if (gap.FitNeeded > 0)
            {
                needs.Add($"{Number(gap.FitNeeded)} more fit");
            }

            if (gap.EngagementNeeded > 0)
            {
                needs.Add($"{Number(gap.EngagementNeeded)} more engagement");
            }

            if (!gap.ConditionMet)
            {
                needs.Add("its condition to hold");
            }

            text.AppendLine(c, $"  next stage {gap.Stage}: needs {(needs.Count == 0 ? "nothing more" : string.Join(", ", needs))}");
        }

        if (change is not null)
        {
            text.AppendLine(c, $"  since {change.Since.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", c)}: score {Number(change.Before.Score)} -> {Number(change.After.Score)}, stage {change.Before.Stage ?? "none"} -> {change.After.Stage ?? "none"}");
            foreach (var moved in change.Changes)
            {
                text.AppendLine(Row(moved));
            }
        }

        return text.AppendLine().ToString();
    }

    private string Row(RuleContribution rule)
    {
        string description = rule.Id == InactivityPenalty.Id ? "no activity for a while" : _descriptions.GetValueOrDefault(rule.Id) ?? string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"  {(rule.Points >= 0 ? "+" : string.Empty)}{Number(rule.Points),-8} {rule.Id,-24} {ScoreCategories.JsonName(rule.Category),-17} {description}").TrimEnd();
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
