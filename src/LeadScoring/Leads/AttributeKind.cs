namespace LeadScoring.Leads;

/// <summary>The JSON type of a lead attribute value.</summary>
public enum AttributeKind : byte
{
    /// <summary>Absent or <c>null</c>: every test but <c>missing</c> is false.</summary>
    Missing = 0,

    /// <summary>A string; compared ordinally and case-insensitively.</summary>
    String,

    /// <summary>A number (IEEE double).</summary>
    Number,

    /// <summary>A boolean.</summary>
    Boolean,
}
