namespace LeadScoring;

/// <summary>
/// Which activities an <c>each</c> rule or an activity condition counts: one of the types, at most
/// <see cref="WithinDays"/> old (when given), and with a tag passing the tag test (when given).
/// Immutable: the <c>With...</c> methods return a new filter.
/// </summary>
public sealed class ActivityFilter
{
    private ActivityFilter(IReadOnlyList<string> types, double? withinDays, ValueTest? tag)
    {
        Types = types;
        WithinDays = withinDays;
        Tag = tag;
    }

    /// <summary>The activity types (matched case-insensitively).</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>The age limit in days (0 &lt;= age &lt;= this), or null for none.</summary>
    public double? WithinDays { get; }

    /// <summary>The test the activity's tag must pass, or null for none.</summary>
    public ValueTest? Tag { get; }

    /// <summary>Activities of any of these types.</summary>
    public static ActivityFilter OfType(params string[] types) => new(types is null ? null! : [.. types], null, null);

    /// <summary>Only activities at most <paramref name="days"/> old.</summary>
    public ActivityFilter Within(double days) => new(Types, days, Tag);

    /// <summary>Only activities whose tag passes <paramref name="test"/> (a missing tag is a missing value).</summary>
    public ActivityFilter WithTag(ValueTest test) => new(Types, WithinDays, test);

    internal static ActivityFilter Create(IReadOnlyList<string> types, double? withinDays, ValueTest? tag) =>
        new(types, withinDays, tag);

    /// <summary>The filter as rule-set JSON (the body of an <c>each</c>).</summary>
    public override string ToString() => Json.RuleSetJsonWriter.ToJson(w => Json.RuleSetJsonWriter.WriteFilter(w, this, minCount: null));
}
