using System.Text.Json;
using LeadScoring.Validation;

namespace LeadScoring.Conditions;

/// <summary>
/// Which activities an <c>each</c> rule or an activity condition counts: one of the types, at most
/// <see cref="WithinDays"/> old (when given), and with a tag passing the tag test (when given); of those, with
/// <see cref="DistinctTags"/> only the most recent of each tag, then with <see cref="MaxPerDay"/> only the most
/// recent of each UTC day. Immutable: the methods return a new filter.
/// </summary>
public sealed class ActivityFilter
{
    private ActivityFilter(IReadOnlyList<string> types, double? withinDays, ValueTest? tag, bool distinctTags = false, int? maxPerDay = null)
    {
        Types = types;
        WithinDays = withinDays;
        Tag = tag;
        DistinctTags = distinctTags;
        MaxPerDay = maxPerDay;
    }

    /// <summary>The activity types (matched ignoring case).</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>The age limit in days (0 &lt;= age &lt;= this), or null for none.</summary>
    public double? WithinDays { get; }

    /// <summary>The test the activity's tag must pass, or null for none.</summary>
    public ValueTest? Tag { get; }

    /// <summary>
    /// Whether only the most recent activity of each distinct tag counts (tags compared ignoring case; activities
    /// without a tag all count): the same newsletter opened five times counts once.
    /// </summary>
    public bool DistinctTags { get; }

    /// <summary>How many activities of one UTC calendar day count at most (the most recent ones), or null for no limit.</summary>
    public int? MaxPerDay { get; }

    /// <summary>Whether <see cref="DistinctTags"/> or <see cref="MaxPerDay"/> limits which matching activities count.</summary>
    internal bool LimitsRepeats => DistinctTags || MaxPerDay is not null;

    /// <summary>Activities of any of these types.</summary>
    /// <param name="types">The activity types, matched ignoring case; at least one.</param>
    /// <returns>The filter.</returns>
    public static ActivityFilter OfType(params string[] types) => new(types is null ? null! : [.. types], null, null);

    /// <summary>Only activities at most <paramref name="days"/> old.</summary>
    /// <param name="days">The age limit in days (0 to 36,500).</param>
    /// <returns>A new filter.</returns>
    public ActivityFilter Within(double days) => new(Types, days, Tag, DistinctTags, MaxPerDay);

    /// <summary>Only activities whose tag passes <paramref name="test"/> (a missing tag is a missing value).</summary>
    /// <param name="test">The tag test.</param>
    /// <returns>A new filter.</returns>
    public ActivityFilter WithTag(ValueTest test) => new(Types, WithinDays, test, DistinctTags, MaxPerDay);

    /// <summary>Counts only the most recent activity of each distinct tag (ignoring case); activities without a tag all count.</summary>
    /// <returns>A new filter.</returns>
    public ActivityFilter OncePerTag() => new(Types, WithinDays, Tag, distinctTags: true, MaxPerDay);

    /// <summary>Counts at most <paramref name="count"/> activities of each UTC calendar day, the most recent ones (after <see cref="OncePerTag"/>).</summary>
    /// <param name="count">A positive whole number.</param>
    /// <returns>A new filter.</returns>
    public ActivityFilter AtMostPerDay(int count) => new(Types, WithinDays, Tag, DistinctTags, count);

    /// <summary>The filter as rule-set JSON (the body of an <c>each</c>).</summary>
    /// <returns>One line of JSON.</returns>
    public override string ToString() => LenientJsonWriter.ToLine(w => WriteJson(w, this, minCount: null));

    internal static ActivityFilter Create(IReadOnlyList<string> types, double? withinDays, ValueTest? tag, bool distinctTags, int? maxPerDay) =>
        new(types, withinDays, tag, distinctTags, maxPerDay);

    /// <summary>Writes an <c>each</c> body, or an activity condition when <paramref name="minCount"/> is given.</summary>
    internal static void WriteJson(Utf8JsonWriter w, ActivityFilter? filter, int? minCount)
    {
        w.WriteStartObject();
        w.WritePropertyName(ConditionJson.Activity);
        if (filter?.Types is { Count: 1 } single)
        {
            w.WriteStringOrNullValue(single[0]);
        }
        else
        {
            w.WriteListValue(filter?.Types, static (w, t) => w.WriteStringOrNullValue(t));
        }

        if (minCount is { } count && count != 1)
        {
            w.WriteNumber(ConditionJson.MinCount, count);
        }

        w.WriteOptionalNumber(ConditionJson.WithinDays, filter?.WithinDays);
        if (filter?.Tag is { } tag)
        {
            w.WritePropertyName(ConditionJson.Tag);
            tag.WriteJson(w, field: null);
        }

        if (filter?.DistinctTags == true)
        {
            w.WriteBoolean(ConditionJson.DistinctTags, true);
        }

        if (filter?.MaxPerDay is { } maxPerDay)
        {
            w.WriteNumber(ConditionJson.MaxPerDay, maxPerDay);
        }

        w.WriteEndObject();
    }
}
