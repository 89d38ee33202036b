using System.Text.Json;
using LeadScoring.Validation;

namespace LeadScoring.Conditions;

/// <summary><c>all</c> (every item holds) or <c>any</c> (at least one holds).</summary>
internal sealed class GroupCondition(bool isAll, IReadOnlyList<Condition> items) : Condition
{
    public bool IsAll { get; } = isAll;

    public IReadOnlyList<Condition> Items { get; } = items;

    internal override void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteList(IsAll ? ConditionJson.All : ConditionJson.Any, Items, WriteJson);
        w.WriteEndObject();
    }

    internal override CompiledCondition Compile(IConditionSlots slots)
    {
        CompiledCondition[] children = [.. Items.Select(c => c.Compile(slots))];
        return IsAll ? new AllNode(children) : new AnyNode(children);
    }
}
