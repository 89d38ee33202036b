using LeadScoring.Conditions;

namespace LeadScoring.Scoring;

/// <summary>
/// Something that wants to see activities of one type: an <c>each</c> rule (adds points, times the decay weight,
/// to its sum) or an activity condition (counts). The activity pass dispatches each activity only to the
/// consumers of its type, so scoring costs O(activities + rules), not their product.
/// </summary>
internal readonly struct ActivityConsumer(ConsumerKind kind, int slot, double withinDays, CompiledTest? tag, double points)
{
    /// <summary>What the consumer does with a matching activity.</summary>
    public ConsumerKind Kind { get; } = kind;

    /// <summary>
    /// Index into the counts (<see cref="ConsumerKind.Count"/>), the sums (<see cref="ConsumerKind.Sum"/>,
    /// <see cref="ConsumerKind.DecayedSum"/>) or the repeat limits (<see cref="ConsumerKind.Limited"/>).
    /// </summary>
    public int Slot { get; } = slot;

    /// <summary>The age limit; +infinity when none.</summary>
    public double WithinDays { get; } = withinDays;

    public CompiledTest? Tag { get; } = tag;

    /// <summary>The each rule's points, added (times the decay weight) per matching activity.</summary>
    public double Points { get; } = points;
}
