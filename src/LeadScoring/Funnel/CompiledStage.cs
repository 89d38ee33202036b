using LeadScoring.Conditions;

namespace LeadScoring.Funnel;

/// <summary>A funnel stage ready to evaluate; absent thresholds are negative infinity so that they always hold.</summary>
internal sealed record CompiledStage(string Name, double MinScore, double MinFit, double MinEngagement, CompiledCondition? When)
{
    public static CompiledStage Compile(StageDefinition stage, IConditionSlots slots) => new(
        stage.Name,
        stage.MinScore ?? double.NegativeInfinity,
        stage.MinFit ?? double.NegativeInfinity,
        stage.MinEngagement ?? double.NegativeInfinity,
        stage.When?.Compile(slots));

    /// <summary>Whether the stage's thresholds are met (its condition aside).</summary>
    public bool Meets(double score, double fit, double engagement) =>
        score >= MinScore && fit >= MinFit && engagement >= MinEngagement;
}
