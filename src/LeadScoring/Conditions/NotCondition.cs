using System.Text.Json;

namespace LeadScoring.Conditions;

/// <summary><c>not</c>: the inner condition does not hold.</summary>
internal sealed class NotCondition(Condition inner) : Condition
{
    public Condition Inner { get; } = inner;

    internal override void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName(ConditionJson.Not);
        WriteJson(w, Inner);
        w.WriteEndObject();
    }

    internal override CompiledCondition Compile(IConditionSlots slots) => new NotNode(Inner.Compile(slots));
}
