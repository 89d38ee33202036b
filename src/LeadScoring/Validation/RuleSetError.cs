namespace LeadScoring.Validation;

/// <summary>One problem found in a rule set: where (a JSON path, and for malformed JSON a line and column) and what.</summary>
public sealed class RuleSetError
{
    internal RuleSetError(string path, string message, int? line = null, int? column = null)
    {
        Path = Quoted.OneLine(path);
        Message = Quoted.OneLine(message);
        Line = line;
        Column = column;
    }

    /// <summary>The JSON path of the offending value, for example <c>$.rules[3].when.op</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Message { get; }

    /// <summary>The 1-based line of malformed JSON; null for other errors.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column of malformed JSON; null for other errors.</summary>
    public int? Column { get; }

    /// <summary>The error as one line.</summary>
    /// <returns><c>$.path: message</c>, with <c>line L, column C: </c> before the message for malformed JSON.</returns>
    public override string ToString() =>
        Line is { } line ? $"{Path}: line {line}, column {Column}: {Message}" : $"{Path}: {Message}";
}
