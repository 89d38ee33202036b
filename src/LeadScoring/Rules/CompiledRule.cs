using LeadScoring.Conditions;

namespace LeadScoring.Rules;

/// <summary>
/// A scoring rule ready to evaluate: a <see cref="When"/> condition, or an each rule reading its weight sum at
/// <see cref="EachSlot"/>; its per-rule options (today <c>maxPoints</c>) are read from the definition here.
/// </summary>
internal sealed class CompiledRule(RuleDefinition rule, CompiledCondition? when, int eachSlot)
{
    public string Id { get; } = rule.Id;

    public ScoreCategory Category { get; } = rule.Category;

    public double Points { get; } = rule.Points;

    public double MaxPoints { get; } = rule.MaxPoints ?? double.PositiveInfinity;

    public CompiledCondition? When { get; } = when;

    /// <summary>The each rule's weight sum, filled by the activity pass; -1 for a <c>when</c> rule.</summary>
    public int EachSlot { get; } = eachSlot;

    /// <summary>The contribution from the raw points (the points of a holding <c>when</c>, or an each rule's sum): capped by <c>maxPoints</c>.</summary>
    public double Contribution(double raw) => Cap(raw, MaxPoints);

    /// <summary><c>sign(raw) x min(|raw|, max)</c>; never -0.</summary>
    public static double Cap(double raw, double max) => Math.CopySign(Math.Min(Math.Abs(raw), max), raw) + 0.0;
}
