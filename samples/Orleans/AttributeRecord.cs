using LeadScoring.Leads;

namespace LeadScoring.Samples.Orleans;

/// <summary>One attribute of a lead: a string, a number or a boolean; none of them clears the attribute.</summary>
/// <param name="Name">The attribute name, e.g. <c>jobTitle</c>.</param>
/// <param name="Text">The value when it is a string.</param>
/// <param name="Number">The value when it is a number.</param>
/// <param name="Boolean">The value when it is a boolean.</param>
[GenerateSerializer, Immutable]
public sealed record AttributeRecord(string Name, string? Text = null, double? Number = null, bool? Boolean = null)
{
    /// <summary>The value as the engine reads it.</summary>
    public AttributeValue Value => Text is not null ? AttributeValue.FromString(Text)
        : Number is { } number ? AttributeValue.FromNumber(number)
        : Boolean is { } boolean ? AttributeValue.FromBoolean(boolean)
        : AttributeValue.Missing;

    /// <summary>The record of an engine attribute.</summary>
    public static AttributeRecord From(string name, AttributeValue value) => new(name, value.AsString, value.AsNumber, value.AsBoolean);
}
