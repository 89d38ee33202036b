namespace LeadScoring.Validation;

/// <summary>
/// Thrown when a rule set (JSON or fluent) breaks the spec. It lists every problem found, not just the first;
/// a rule set that throws this is never usable.
/// </summary>
public sealed class RuleSetValidationException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">Every problem found, in document order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is null.</exception>
    public RuleSetValidationException(IReadOnlyList<RuleSetError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<RuleSetError> Errors { get; }

    private static string Describe(IReadOnlyList<RuleSetError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string head = errors.Count == 1 ? "The rule set is invalid:" : $"The rule set is invalid ({errors.Count} errors):";
        return head + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
