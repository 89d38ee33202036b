namespace LeadScoring;

/// <summary><c>all</c> (every item holds) or <c>any</c> (at least one holds).</summary>
internal sealed class GroupCondition(bool isAll, IReadOnlyList<Condition> items) : Condition
{
    public bool IsAll { get; } = isAll;

    public IReadOnlyList<Condition> Items { get; } = items;
}
