namespace LeadScoring;

/// <summary>
/// A condition of SPEC section 3.1: an attribute test, an activity count, or <c>all</c> / <c>any</c> /
/// <c>not</c> of other conditions. Immutable; build one with the static factories.
/// </summary>
/// <example><code>
/// Condition.All(
///     Condition.Field("jobTitle", ValueTest.ContainsAny("VP", "Chief")),
///     Condition.Activity("pricing_page_view").Within(30).AtLeast(2))
/// </code></example>
public abstract class Condition
{
    private protected Condition()
    {
    }

    /// <summary>True when the attribute <paramref name="field"/> passes <paramref name="test"/>.</summary>
    public static Condition Field(string field, ValueTest test) => new FieldCondition(field, test);

    /// <summary>True when at least one activity of any of these types exists (narrow it with the methods of the result).</summary>
    public static ActivityCondition Activity(params string[] types) => new(ActivityFilter.OfType(types), 1);

    /// <summary>True when at least <paramref name="minCount"/> activities pass <paramref name="filter"/>.</summary>
    public static ActivityCondition Activity(ActivityFilter filter, int minCount = 1) => new(filter, minCount);

    /// <summary>True when every condition holds (an empty list holds).</summary>
    public static Condition All(params Condition[] conditions) => new GroupCondition(isAll: true, Copy(conditions));

    /// <summary>True when at least one condition holds (an empty list does not).</summary>
    public static Condition Any(params Condition[] conditions) => new GroupCondition(isAll: false, Copy(conditions));

    /// <summary>True when <paramref name="condition"/> does not hold.</summary>
    public static Condition Not(Condition condition) => new NotCondition(condition);

    // A copy, so that changing the caller's array afterwards cannot change an immutable condition. Null stays
    // null, for the builder to report as a validation error.
    private static Condition[] Copy(Condition[] conditions) => conditions is null ? null! : [.. conditions];

    /// <summary>The condition as rule-set JSON.</summary>
    public override string ToString() => Json.RuleSetJsonWriter.ToJson(w => Json.RuleSetJsonWriter.WriteCondition(w, this));
}
