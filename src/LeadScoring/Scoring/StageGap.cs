namespace LeadScoring;

/// <summary>What a lead still lacks to reach the next stage of the funnel. Amounts are 0 when already met.</summary>
/// <param name="Stage">The next stage's name.</param>
/// <param name="ScoreNeeded">Score points missing for its <c>minScore</c>.</param>
/// <param name="FitNeeded">Fit points missing for its <c>minFit</c>.</param>
/// <param name="EngagementNeeded">Engagement points missing for its <c>minEngagement</c>.</param>
/// <param name="ConditionMet">Whether its <c>when</c> condition holds (true when it has none).</param>
public sealed record StageGap(string Stage, double ScoreNeeded, double FitNeeded, double EngagementNeeded, bool ConditionMet);
