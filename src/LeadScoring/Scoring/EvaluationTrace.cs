namespace LeadScoring.Scoring;

/// <summary>What the explanation pass records beyond the score, filled in by <see cref="CompiledRuleSet"/>.</summary>
internal sealed class EvaluationTrace(int ruleCount)
{
    /// <summary>Each rule's contribution in rule-set order, then the inactivity penalty.</summary>
    public double[] Contributions { get; } = new double[ruleCount + 1];

    /// <summary>Each rule's raw points before its cap (a holding <c>when</c> rule's points, an <c>each</c> rule's weighted sum).</summary>
    public double[] Raw { get; } = new double[ruleCount];

    /// <summary>The index of the stage reached (-1: none); not set for a disqualified lead.</summary>
    public int StageIndex { get; set; } = -1;

    /// <summary>Whether the next stage's <c>when</c> holds.</summary>
    public bool NextStageConditionMet { get; set; }
}
