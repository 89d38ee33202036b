using System.Text.Json;

namespace LeadScoring.Conditions;

/// <summary>
/// At least <see cref="MinCount"/> activities that pass <see cref="Filter"/>. Immutable: the methods
/// return a new condition.
/// </summary>
public sealed class ActivityCondition : Condition
{
    internal ActivityCondition(ActivityFilter filter, int minCount)
    {
        Filter = filter;
        MinCount = minCount;
    }

    /// <summary>Which activities count.</summary>
    public ActivityFilter Filter { get; }

    /// <summary>How many must exist (a positive integer).</summary>
    public int MinCount { get; }

    /// <summary>Only activities at most <paramref name="days"/> old count.</summary>
    /// <param name="days">The age limit in days (0 to 36,500).</param>
    /// <returns>A new condition.</returns>
    public ActivityCondition Within(double days) => new(Filter.Within(days), MinCount);

    /// <summary>Only activities whose tag passes <paramref name="test"/> count.</summary>
    /// <param name="test">The tag test (a missing tag is a missing value).</param>
    /// <returns>A new condition.</returns>
    public ActivityCondition WithTag(ValueTest test) => new(Filter.WithTag(test), MinCount);

    /// <summary>Requires at least <paramref name="count"/> matching activities.</summary>
    /// <param name="count">A positive integer.</param>
    /// <returns>A new condition.</returns>
    public ActivityCondition AtLeast(int count) => new(Filter, count);

    /// <summary>Counts only the most recent activity of each distinct tag (ignoring case); activities without a tag all count.</summary>
    /// <returns>A new condition.</returns>
    public ActivityCondition OncePerTag() => new(Filter.OncePerTag(), MinCount);

    /// <summary>Counts at most <paramref name="count"/> activities of each UTC calendar day, the most recent ones.</summary>
    /// <param name="count">A positive whole number.</param>
    /// <returns>A new condition.</returns>
    public ActivityCondition AtMostPerDay(int count) => new(Filter.AtMostPerDay(count), MinCount);

    internal override void WriteJson(Utf8JsonWriter w) => ActivityFilter.WriteJson(w, Filter, MinCount);

    internal override CompiledCondition Compile(IConditionSlots slots) => new CountNode(slots.ActivityCounter(Filter), MinCount);
}
