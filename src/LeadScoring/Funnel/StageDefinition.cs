using LeadScoring.Conditions;

namespace LeadScoring.Funnel;

/// <summary>A funnel stage: every threshold given and the condition must hold.</summary>
internal sealed record StageDefinition(string Name, double? MinScore, double? MinFit, double? MinEngagement, Condition? When);
