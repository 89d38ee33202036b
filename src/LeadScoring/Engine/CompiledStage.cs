namespace LeadScoring.Engine;

/// <summary>A funnel stage; absent thresholds are negative infinity so that they always hold.</summary>
internal sealed record CompiledStage(string Name, double MinScore, double MinFit, double MinEngagement, CompiledCondition? When)
{
    public bool Holds(in EvaluationState state, double score, double fit, double engagement) =>
        score >= MinScore && fit >= MinFit && engagement >= MinEngagement && (When?.Evaluate(state) ?? true);
}
