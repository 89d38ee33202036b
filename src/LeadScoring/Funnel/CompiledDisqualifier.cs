using LeadScoring.Conditions;

namespace LeadScoring.Funnel;

/// <summary>A disqualifier ready to evaluate.</summary>
internal sealed record CompiledDisqualifier(string Id, CompiledCondition When)
{
    public static CompiledDisqualifier Compile(DisqualifierDefinition disqualifier, IConditionSlots slots) =>
        new(disqualifier.Id, disqualifier.When.Compile(slots));
}
