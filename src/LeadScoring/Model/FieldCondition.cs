namespace LeadScoring;

/// <summary>An attribute test: <c>{ "field": F, "op": OP, "value": V }</c>.</summary>
internal sealed class FieldCondition(string field, ValueTest test) : Condition
{
    public string FieldName { get; } = field;

    public ValueTest Test { get; } = test;
}
