namespace LeadScoring.Leads;

/// <summary>Thrown when lead JSON is not a valid lead (an unknown property, a wrong type, a timestamp without a UTC offset...).</summary>
public sealed class LeadFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, with a JSON path.</param>
    /// <param name="leadId">The lead's id, when it could be read.</param>
    public LeadFormatException(string message, string? leadId)
        : base(message)
    {
        LeadId = leadId;
    }

    /// <summary>The lead's id, when it could be read.</summary>
    public string? LeadId { get; }
}
