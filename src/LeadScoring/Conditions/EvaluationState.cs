using LeadScoring.Leads;

namespace LeadScoring.Conditions;

/// <summary>
/// What a condition reads while it is evaluated: the lead's attributes (through the model's field slots)
/// and the activity counts gathered by the single pass over activities.
/// </summary>
internal readonly ref struct EvaluationState(ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<int> fieldSlots, ReadOnlySpan<int> counts)
{
    private readonly ReadOnlySpan<LeadAttribute> _attributes = attributes;
    private readonly ReadOnlySpan<int> _fieldSlots = fieldSlots;

    public ReadOnlySpan<int> Counts { get; } = counts;

    public AttributeValue Attribute(int field)
    {
        int index = _fieldSlots[field];
        return index < 0 ? default : _attributes[index].Value;
    }
}
