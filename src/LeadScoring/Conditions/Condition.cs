using System.Text.Json;
using LeadScoring.Validation;

namespace LeadScoring.Conditions;

/// <summary>
/// A condition on a lead: an attribute test, an activity count, or <c>all</c> / <c>any</c> / <c>not</c> of other
/// conditions. Immutable; build one with the static factories.
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
    /// <param name="field">The attribute name, matched ignoring case.</param>
    /// <param name="test">The test of its value.</param>
    /// <returns>The condition.</returns>
    public static Condition Field(string field, ValueTest test) => new FieldCondition(field, test);

    /// <summary>True when at least one activity of any of these types exists (narrow it with the methods of the result).</summary>
    /// <param name="types">The activity types, matched ignoring case.</param>
    /// <returns>The condition.</returns>
    public static ActivityCondition Activity(params string[] types) => new(ActivityFilter.OfType(types), 1);

    /// <summary>True when at least <paramref name="minCount"/> activities pass <paramref name="filter"/>.</summary>
    /// <param name="filter">Which activities count.</param>
    /// <param name="minCount">How many must exist (a positive integer).</param>
    /// <returns>The condition.</returns>
    public static ActivityCondition Activity(ActivityFilter filter, int minCount = 1) => new(filter, minCount);

    /// <summary>True when every condition holds (an empty list holds).</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    public static Condition All(params Condition[] conditions) => new GroupCondition(isAll: true, Copy(conditions));

    /// <summary>True when at least one condition holds (an empty list does not).</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    public static Condition Any(params Condition[] conditions) => new GroupCondition(isAll: false, Copy(conditions));

    /// <summary>True when <paramref name="condition"/> does not hold.</summary>
    /// <param name="condition">The condition to negate.</param>
    /// <returns>The condition.</returns>
    public static Condition Not(Condition condition) => new NotCondition(condition);

    /// <summary>The condition as rule-set JSON.</summary>
    /// <returns>One line of JSON.</returns>
    public override string ToString() => LenientJsonWriter.ToLine(WriteJson);

    /// <summary>Writes the condition's JSON form (nulls where a fluent caller left them, for the reader to report).</summary>
    internal abstract void WriteJson(Utf8JsonWriter w);

    /// <summary>Compiles the condition, taking field slots and activity counters from <paramref name="slots"/>.</summary>
    internal abstract CompiledCondition Compile(IConditionSlots slots);

    internal static void WriteJson(Utf8JsonWriter w, Condition? condition)
    {
        if (condition is null)
        {
            w.WriteNullValue();
        }
        else
        {
            condition.WriteJson(w);
        }
    }

    // A copy, so that changing the caller's array afterwards cannot change an immutable condition. Null stays
    // null, for the builder to report as a validation error.
    private static Condition[] Copy(Condition[] conditions) => conditions is null ? null! : [.. conditions];
}
