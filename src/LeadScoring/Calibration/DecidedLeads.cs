using System.Runtime.InteropServices;
using LeadScoring.Leads;
using LeadScoring.Scoring;

namespace LeadScoring.Calibration;

/// <summary>
/// What calibration keeps of each decided lead: its outcome, scoring instant, totals, stage, grade and features
/// (one per rule, then inactivity). Never the lead itself, so a million leads x 30 rules fit in a few hundred MB.
/// </summary>
internal sealed class DecidedLeads
{
    private readonly CompiledRuleSet _rules;
    private readonly double[] _points;
    private readonly List<double> _features = [];

    private DecidedLeads(CompiledRuleSet rules)
    {
        _rules = rules;
        bool inactivity = rules.Inactivity.IsDefined;
        _points = [.. rules.Rules.Select(r => r.Points), .. inactivity ? [rules.Inactivity.Points] : Array.Empty<double>()];
        StageCount = rules.StageNames.Count;
    }

    /// <summary>Features per lead: one per rule, then one for inactivity when the rule set has it.</summary>
    public int FeatureCount => _points.Length;

    /// <summary>The number of real stages; stage code <c>StageCount</c> is no stage, <c>StageCount + 1</c> Disqualified.</summary>
    public int StageCount { get; }

    public int Count => Won.Count;

    public int Undecided { get; private set; }

    public List<bool> Won { get; } = [];

    public List<long> Instant { get; } = [];

    public List<double> Score { get; } = [];

    public List<double> Fit { get; } = [];

    public List<double> Engagement { get; } = [];

    /// <summary>The stage code: the stage's index, <see cref="StageCount"/> for none, one more for Disqualified.</summary>
    public List<int> Stage { get; } = [];

    /// <summary>The index of the grade in <see cref="CompiledRuleSet.GradeNames"/> (-1 without grades).</summary>
    public List<int> Grade { get; } = [];

    /// <summary>Scores every decided lead of <paramref name="leads"/> as of its outcome minus the lead time; counts the others.</summary>
    public static DecidedLeads Collect(CompiledRuleSet rules, IEnumerable<Lead> leads, double leadTimeDays)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var table = new DecidedLeads(rules);
        var trace = new EvaluationTrace(rules.RuleCount);
        foreach (var lead in leads)
        {
            if (lead is null)
            {
                throw new ArgumentException("A lead is null.", nameof(leads));
            }

            if (lead.Outcome is not { } outcome)
            {
                table.Undecided++;
                continue;
            }

            long instant = LeadTime.ScoringInstant(outcome, leadTimeDays);
            var result = rules.Score(lead.Attributes, lead.Activities, instant, trace);
            table.Add(result, trace, outcome.IsWon, instant);
        }

        return table;
    }

    /// <summary>
    /// Lead i's features: each contribution over its rule's points (0 when the points are 0). A feature is non-zero
    /// exactly when the contribution is (a rule with 0 points contributes 0), so it also says whether a rule fired.
    /// </summary>
    public ReadOnlySpan<double> Features(int lead) => CollectionsMarshal.AsSpan(_features).Slice(lead * FeatureCount, FeatureCount);

    private void Add(LeadScore result, EvaluationTrace trace, bool won, long instant)
    {
        for (int j = 0; j < _points.Length; j++)
        {
            double contribution = trace.Contributions[j < _rules.RuleCount ? j : _rules.RuleCount];
            _features.Add(_points[j] == 0 ? 0 : contribution / _points[j]);
        }

        Won.Add(won);
        Instant.Add(instant);
        Score.Add(result.Score);
        Fit.Add(result.Fit);
        Engagement.Add(result.Engagement);
        Stage.Add(result.IsDisqualified ? StageCount + 1 : trace.StageIndex < 0 ? StageCount : trace.StageIndex);
        Grade.Add(result.Grade is { } grade ? IndexOf(_rules.GradeNames!, grade) : -1);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Grade '{name}' is not one of the rule set's grades.");
    }
}
