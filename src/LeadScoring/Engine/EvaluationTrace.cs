namespace LeadScoring.Engine;

/// <summary>What an explanation needs beyond the score, filled in by <see cref="CompiledRuleSet.Evaluate"/>.</summary>
internal sealed class EvaluationTrace(int ruleCount, int disqualifierCount)
{
    /// <summary>Each rule's contribution in rule-set order, then the inactivity penalty.</summary>
    public double[] Contributions { get; } = new double[ruleCount + 1];

    /// <summary>Which disqualifiers hold.</summary>
    public bool[] Disqualified { get; } = new bool[disqualifierCount];

    /// <summary>Whether the next stage's <c>when</c> holds.</summary>
    public bool NextStageConditionMet { get; set; }
}
