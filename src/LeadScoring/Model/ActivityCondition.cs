namespace LeadScoring;

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
    public ActivityCondition Within(double days) => new(Filter.Within(days), MinCount);

    /// <summary>Only activities whose tag passes <paramref name="test"/> count.</summary>
    public ActivityCondition WithTag(ValueTest test) => new(Filter.WithTag(test), MinCount);

    /// <summary>Requires at least <paramref name="count"/> matching activities.</summary>
    public ActivityCondition AtLeast(int count) => new(Filter, count);
}
