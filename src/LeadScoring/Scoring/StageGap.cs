using System.Globalization;

namespace LeadScoring.Scoring;

/// <summary>What a lead still lacks to reach the next stage of the funnel. Amounts are 0 when already met.</summary>
public sealed class StageGap : IEquatable<StageGap>
{
    internal StageGap(string stage, double scoreNeeded, double fitNeeded, double engagementNeeded, bool conditionMet)
    {
        Stage = stage;
        ScoreNeeded = scoreNeeded;
        FitNeeded = fitNeeded;
        EngagementNeeded = engagementNeeded;
        ConditionMet = conditionMet;
    }

    /// <summary>The next stage's name.</summary>
    public string Stage { get; }

    /// <summary>Score points missing for its <c>minScore</c>.</summary>
    public double ScoreNeeded { get; }

    /// <summary>Fit points missing for its <c>minFit</c>.</summary>
    public double FitNeeded { get; }

    /// <summary>Engagement points missing for its <c>minEngagement</c>.</summary>
    public double EngagementNeeded { get; }

    /// <summary>Whether its <c>when</c> condition holds (true when it has none).</summary>
    public bool ConditionMet { get; }

    /// <summary>Equal when every property is.</summary>
    /// <param name="other">The other gap.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(StageGap? other) =>
        other is not null && string.Equals(Stage, other.Stage, StringComparison.Ordinal) && ScoreNeeded.Equals(other.ScoreNeeded)
        && FitNeeded.Equals(other.FitNeeded) && EngagementNeeded.Equals(other.EngagementNeeded) && ConditionMet == other.ConditionMet;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StageGap);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Stage, ScoreNeeded, FitNeeded, EngagementNeeded, ConditionMet);

    /// <summary>For example <c>SQL: 10 score, 0 fit, 20 engagement, condition not met</c>.</summary>
    /// <returns>The stage and what it still needs.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Stage}: {ScoreNeeded:R} score, {FitNeeded:R} fit, {EngagementNeeded:R} engagement, condition {(ConditionMet ? "met" : "not met")}");
}
