namespace LeadScoring.Scoring;

/// <summary>
/// An activity that matched a consumer with a <see cref="RepeatLimit"/>, set aside by the activity pass until the
/// limits are applied. <see cref="Tag"/> is null when the consumer does not keep distinct tags (then every
/// match is its own group), and <see cref="Order"/> is the activity's input position.
/// </summary>
internal struct RepeatMatch
{
    public int Limit;
    public int Order;
    public long AgeTicks;
    public long UtcDay;
    public string? Tag;
    public bool Dropped;
}
