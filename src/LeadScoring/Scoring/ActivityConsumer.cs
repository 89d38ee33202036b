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
    /// Index into the tallies (<see cref="ConsumerKind.Count"/>, <see cref="ConsumerKind.Sum"/>,
    /// <see cref="ConsumerKind.DecayedSum"/>) or the repeat limits (<see cref="ConsumerKind.Limited"/>).
    /// </summary>
    public int Slot { get; } = slot;

    /// <summary>The age limit; +infinity when none.</summary>
    public double WithinDays { get; } = withinDays;

    /// <summary>
    /// The same limit in ticks: an activity <c>t</c> ticks old is within <see cref="WithinDays"/> exactly when
    /// <c>t &lt;= WithinTicks</c>, so the activity loop compares integers instead of dividing every age.
    /// </summary>
    public long WithinTicks { get; } = TicksWithin(withinDays);

    public CompiledTest? Tag { get; } = tag;

    /// <summary>
    /// Whether a match needs more than an addition: a tag test or repeat limits. The activity loop sets such matches
    /// aside and handles them after it, so that the loop itself calls nothing.
    /// </summary>
    public bool IsDeferred { get; } = tag is not null || kind == ConsumerKind.Limited;

    /// <summary>The each rule's points, added (times the decay weight) per matching activity; 1 for a count.</summary>
    public double Points { get; } = points;

    // The two below are read by the activity loop only for consumers that are not deferred.

    /// <summary>1 for a consumer whose matches the activity loop sets aside to be weighted (<see cref="ConsumerKind.DecayedSum"/>); else 0.</summary>
    public int WeightedMatch { get; } = kind == ConsumerKind.DecayedSum ? 1 : 0;

    /// <summary>
    /// The bits of what the activity loop adds to the tally per match: <see cref="Points"/> for a count or a plain sum;
    /// else 0, the bits of +0.0, whose addition leaves a tally as it is. A tally is never -0.0: it starts at +0.0, and a
    /// sum is -0.0 only when both its addends are.
    /// </summary>
    public long AddedBits { get; } = kind is ConsumerKind.Count or ConsumerKind.Sum ? BitConverter.DoubleToInt64Bits(points) : 0;

    /// <summary>
    /// The most ticks <c>t</c> with <c>t / (double)TicksPerDay &lt;= days</c> (the age in days as the spec computes it):
    /// that quotient never decreases as <c>t</c> grows (a correctly rounded division by a positive constant), so the
    /// ages within the limit are exactly 0..WithinTicks; found by bisection, once per consumer.
    /// </summary>
    private static long TicksWithin(double days)
    {
        if (!(days >= 0))
        {
            return -1; // no age is within (NaN or negative; validation rejects both)
        }

        if (long.MaxValue / (double)TimeSpan.TicksPerDay <= days)
        {
            return long.MaxValue;
        }

        long within = 0; // t / D <= days holds at 0
        long beyond = long.MaxValue; // and fails here
        while (beyond - within > 1)
        {
            long middle = within + ((beyond - within) / 2);
            if (middle / (double)TimeSpan.TicksPerDay <= days)
            {
                within = middle;
            }
            else
            {
                beyond = middle;
            }
        }

        return within;
    }
}
