using LeadScoring.Leads;

namespace LeadScoring.Conditions;

/// <summary>
/// What a condition reads while it is evaluated: the lead's attributes (through the model's field slots)
/// and the tallies (activity counts among them) gathered by the single pass over activities.
/// </summary>
internal readonly ref struct EvaluationState(ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<int> fieldSlots, ReadOnlySpan<double> tallies)
{
    private readonly ReadOnlySpan<LeadAttribute> _attributes = attributes;
    private readonly ReadOnlySpan<int> _fieldSlots = fieldSlots;

    /// <summary>The activity pass's counts and sums, by tally index (a count is a whole number).</summary>
    public ReadOnlySpan<double> Tallies { get; } = tallies;

    public AttributeValue Attribute(int field)
    {
        int index = _fieldSlots[field];
        return index < 0 ? default : _attributes[index].Value;
    }
}
