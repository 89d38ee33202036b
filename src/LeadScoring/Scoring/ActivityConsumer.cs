using LeadScoring.Conditions;

namespace LeadScoring.Scoring;

/// <summary>
/// Something that wants to see activities of one type: an <c>each</c> rule (adds the decay weight to its
/// sum) or an activity condition (counts). The activity pass dispatches each activity only to the
/// consumers of its type, so scoring costs O(activities + rules), not their product.
/// </summary>
internal readonly struct ActivityConsumer(int slot, bool isCounter, double withinDays, CompiledTest? tag, bool decays, double points)
{
    /// <summary>Index into the weight sums (each rules) or the counts (conditions).</summary>
    public int Slot { get; } = slot;

    public bool IsCounter { get; } = isCounter;

    /// <summary>The age limit; +infinity when none.</summary>
    public double WithinDays { get; } = withinDays;

    public CompiledTest? Tag { get; } = tag;

    /// <summary>Whether the rule's category decays (each rules only).</summary>
    public bool Decays { get; } = decays;

    /// <summary>The each rule's points, added (times the decay weight) per matching activity.</summary>
    public double Points { get; } = points;
}
