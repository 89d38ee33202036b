using LeadScoring.Calibration;

namespace LeadScoring.Comparison;

/// <summary>What a candidate rule set would do to the funnel compared with the current one.</summary>
public sealed class ComparisonReport
{
    internal ComparisonReport(int leads, int stageChanged, int gradeChanged, IReadOnlyList<StageTransition> transitions, ScoreShift score, IReadOnlyList<RuleShift> rules, OutcomeComparison? outcomes)
    {
        Leads = leads;
        StageChanged = stageChanged;
        GradeChanged = gradeChanged;
        Transitions = transitions;
        Score = score;
        Rules = rules;
        Outcomes = outcomes;
    }

    /// <summary>The leads compared.</summary>
    public int Leads { get; }

    /// <summary>Leads whose stage differs.</summary>
    public int StageChanged { get; }

    /// <summary>Leads whose grade differs.</summary>
    public int GradeChanged { get; }

    /// <summary>Every (old stage, new stage) pair with at least one lead, unchanged pairs included, in stage order.</summary>
    public IReadOnlyList<StageTransition> Transitions { get; }

    /// <summary>How scores move.</summary>
    public ScoreShift Score { get; }

    /// <summary>Every rule of the current rule set in its order, then those only in the candidate, then <c>inactivity</c>.</summary>
    public IReadOnlyList<RuleShift> Rules { get; }

    /// <summary>The AUC of each rule set on the decided leads; null when no lead is decided.</summary>
    public OutcomeComparison? Outcomes { get; }

    /// <summary>Writes the report as one indented JSON object (the <c>leadscore diff</c> report), UTF-8.</summary>
    /// <param name="destination">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void WriteJson(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ComparisonReportJson.Write(destination, this);
    }

    /// <summary>The report as indented JSON (the <c>leadscore diff</c> report).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ReportJson.ToText(WriteJson);
}
