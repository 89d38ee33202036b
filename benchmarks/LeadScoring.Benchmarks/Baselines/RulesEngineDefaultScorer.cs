using System.Text.Json;
using System.Text.RegularExpressions;
using RulesEngine.Models;

namespace LeadScoring.Benchmarks.Baselines;

/// <summary>
/// The built-in rule set as a Microsoft RulesEngine workflow (default.rulesengine.json): one rule per
/// scoring rule, disqualifier and stage condition, with typed facts as input and Dynamic LINQ expressions,
/// as a team using RulesEngine would write it. The points, caps, clamps, stages and grades are then
/// applied in C#, exactly as the spec says.
/// </summary>
public sealed class RulesEngineDefaultScorer
{
    private const string Workflow = "b2b-default";

    private static readonly Dictionary<string, (double Points, double Max, int Category)> ScoringRules = new()
    {
        ["executive-title"] = (15, double.PositiveInfinity, 0),
        ["manager-title"] = (8, double.PositiveInfinity, 0),
        ["has-authority"] = (5, double.PositiveInfinity, 0),
        ["junior-title"] = (-10, double.PositiveInfinity, 0),
        ["core-company-size"] = (15, double.PositiveInfinity, 1),
        ["small-company-size"] = (7, double.PositiveInfinity, 1),
        ["target-industry"] = (10, double.PositiveInfinity, 1),
        ["revenue-10m-plus"] = (5, double.PositiveInfinity, 1),
        ["free-email"] = (-10, double.PositiveInfinity, 1),
        ["pricing-page-views"] = (5, 15, 2),
        ["content-engagement"] = (6, 18, 2),
        ["site-visits"] = (1, 5, 2),
        ["hand-raiser"] = (25, double.PositiveInfinity, 2),
        ["email-clicks"] = (3, 12, 3),
        ["email-opens"] = (1, 5, 3),
        ["email-replies"] = (5, 10, 3),
        ["unsubscribed"] = (-20, double.PositiveInfinity, 3),
        ["email-bounced"] = (-10, double.PositiveInfinity, 3),
        ["social-amplification"] = (4, 10, 4),
        ["social-follow"] = (3, double.PositiveInfinity, 4),
        ["inactivity"] = (-5, 25, 5),
    };

    private static readonly double[] CategoryMin = [-20, -20, double.NegativeInfinity, -20, double.NegativeInfinity, -25];
    private static readonly double[] CategoryMax = [25, 25, 40, 15, 10, double.PositiveInfinity];

    private readonly RulesEngine.RulesEngine _engine;

    public RulesEngineDefaultScorer()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Baselines", "default.rulesengine.json");
        var workflows = JsonSerializer.Deserialize<Workflow[]>(File.ReadAllText(path))!;
        _engine = new RulesEngine.RulesEngine(workflows, new ReSettings { CustomTypes = [typeof(Regex), typeof(Math)] });
    }

    public BaselineResult Score(Lead lead, DateTimeOffset asOf)
    {
        var facts = LeadFacts.From(lead, asOf);
        var results = _engine.ExecuteAllRulesAsync(Workflow, new RuleParameter("lead", facts)).GetAwaiter().GetResult();

        Span<double> categories = stackalloc double[6];
        bool disqualified = false, iql = false, bant = false;
        foreach (var result in results)
        {
            if (!result.IsSuccess)
            {
                continue;
            }

            string name = result.Rule.RuleName;
            if (ScoringRules.TryGetValue(name, out var rule))
            {
                double raw = result.ActionResult?.Output is { } output ? rule.Points * Convert.ToDouble(output, System.Globalization.CultureInfo.InvariantCulture) : rule.Points;
                categories[rule.Category] += Math.CopySign(Math.Min(Math.Abs(raw), rule.Max), raw);
            }
            else
            {
                disqualified |= name.StartsWith("dq-", StringComparison.Ordinal);
                iql |= name == "stage-iql";
                bant |= name == "stage-sql-bant";
            }
        }

        for (int c = 0; c < 6; c++)
        {
            categories[c] = Math.Clamp(categories[c], CategoryMin[c], CategoryMax[c]);
        }

        double fit = categories[0] + categories[1];
        double engagement = categories[2] + categories[3] + categories[4] + categories[5];
        double score = Math.Clamp(fit + engagement, 0, 100);
        string? stage = disqualified ? LeadScore.DisqualifiedStage
            : !iql ? null
            : score < 40 || fit < 15 ? "IQL"
            : score >= 65 && bant ? "SQL" : "MQL";
        string grade = fit >= 35 ? "A" : fit >= 20 ? "B" : fit >= 10 ? "C" : "D";
        return new BaselineResult(score, fit, engagement, stage, grade);
    }
}
