namespace LeadScoring.Conditions;

/// <summary>
/// What compiling a condition needs from the model being compiled: a slot per attribute name (shared by every
/// condition that reads it) and a counter per activity condition, filled by the model's single activity pass.
/// </summary>
internal interface IConditionSlots
{
    /// <summary>The slot of an attribute name (names that differ only in case share one).</summary>
    int FieldSlot(string field);

    /// <summary>Registers a counter of the activities that pass <paramref name="filter"/>; returns its index.</summary>
    int ActivityCounter(ActivityFilter filter);
}
