namespace LeadScoring.Leads;

/// <summary>One lead read from a JSON Lines stream: the lead, or what is wrong with its line.</summary>
public readonly struct LeadLine
{
    internal LeadLine(int lineNumber, Lead? lead, string? problem) => (LineNumber, Lead, Problem) = (lineNumber, lead, problem);

    /// <summary>The line's number in the stream, from 1 (blank lines count, as an editor counts them).</summary>
    public int LineNumber { get; }

    /// <summary>The lead; null when the line is not a valid lead.</summary>
    public Lead? Lead { get; }

    /// <summary>What is wrong with the line (with a JSON path and the lead's id when known); null for a valid lead.</summary>
    public string? Problem { get; }
}
