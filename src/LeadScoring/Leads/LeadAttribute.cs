namespace LeadScoring.Leads;

/// <summary>One named attribute of a lead (a profile or company fact).</summary>
/// <param name="Name">The attribute name, matched case-insensitively against rule fields.</param>
/// <param name="Value">The value.</param>
public readonly record struct LeadAttribute(string Name, AttributeValue Value);
