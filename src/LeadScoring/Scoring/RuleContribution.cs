namespace LeadScoring;

/// <summary>What one rule added to a lead's score: after its own maxPoints and decay, before category clamps.</summary>
/// <param name="Id">The rule id (<c>inactivity</c> for the inactivity penalty).</param>
/// <param name="Category">The rule's category.</param>
/// <param name="Points">The contribution (never 0 in an explanation).</param>
public readonly record struct RuleContribution(string Id, ScoreCategory Category, double Points);
