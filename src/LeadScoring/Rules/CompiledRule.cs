using LeadScoring.Conditions;

namespace LeadScoring.Rules;

/// <summary>A scoring rule ready to evaluate: a <see cref="When"/> condition, or an each rule reading its weight sum at <see cref="EachSlot"/>.</summary>
internal sealed record CompiledRule(string Id, ScoreCategory Category, double Points, double MaxPoints, CompiledCondition? When, int EachSlot)
{
    /// <summary>The contribution from the raw points (the points of a holding <c>when</c>, or an each rule's sum): capped by <c>maxPoints</c>.</summary>
    public double Contribution(double raw) => Cap(raw, MaxPoints);

    /// <summary><c>sign(raw) x min(|raw|, max)</c>; never -0.</summary>
    public static double Cap(double raw, double max) => Math.CopySign(Math.Min(Math.Abs(raw), max), raw) + 0.0;
}
