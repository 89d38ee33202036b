using System.Text.Json;
using LeadScoring.Validation;

namespace LeadScoring.Conditions;

/// <summary>An attribute test: <c>{ "field": F, "op": OP, "value": V }</c>.</summary>
internal sealed class FieldCondition(string field, ValueTest test) : Condition
{
    public string FieldName { get; } = field;

    public ValueTest Test { get; } = test;

    internal override void WriteJson(Utf8JsonWriter w)
    {
        if (Test is null)
        {
            w.WriteStartObject();
            w.WriteStringOrNull(ConditionJson.Field, FieldName);
            w.WriteEndObject();
        }
        else
        {
            Test.WriteJson(w, FieldName); // a null field writes a test with no form, which the reader reports
        }
    }

    internal override CompiledCondition Compile(IConditionSlots slots) => new FieldNode(slots.FieldSlot(FieldName), new CompiledTest(Test));
}
