namespace LeadScoring;

/// <summary>Thrown when lead JSON breaks SPEC section 2.</summary>
public sealed class LeadFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public LeadFormatException(string message, string? leadId)
        : base(message)
    {
        LeadId = leadId;
    }

    /// <summary>The lead's id, when it could be read.</summary>
    public string? LeadId { get; }
}
