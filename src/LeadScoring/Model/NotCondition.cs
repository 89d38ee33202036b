namespace LeadScoring;

/// <summary><c>not</c>: the inner condition does not hold.</summary>
internal sealed class NotCondition(Condition inner) : Condition
{
    public Condition Inner { get; } = inner;
}
