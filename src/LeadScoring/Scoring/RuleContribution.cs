using System.Globalization;
using LeadScoring.Rules;

namespace LeadScoring.Scoring;

/// <summary>What one rule added to a lead's score: after its own maxPoints and decay, before category clamps.</summary>
public readonly struct RuleContribution : IEquatable<RuleContribution>
{
    internal RuleContribution(string id, ScoreCategory category, double points)
    {
        Id = id;
        Category = category;
        Points = points;
    }

    /// <summary>The rule id (<c>inactivity</c> for the inactivity penalty).</summary>
    public string Id { get; }

    /// <summary>The rule's category.</summary>
    public ScoreCategory Category { get; }

    /// <summary>The contribution (never 0 in an explanation).</summary>
    public double Points { get; }

    /// <summary>Equal when id, category and points are.</summary>
    /// <param name="other">The other contribution.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RuleContribution other) =>
        string.Equals(Id, other.Id, StringComparison.Ordinal) && Category == other.Category && Points.Equals(other.Points);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RuleContribution other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Category, Points);

    /// <summary>For example <c>pricing-views (OnlineBehaviour): 12.5</c>.</summary>
    /// <returns>The id, category and points.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} ({Category}): {Points:R}");
}
