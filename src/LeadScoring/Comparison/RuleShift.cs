namespace LeadScoring.Comparison;

/// <summary>One rule id (or <c>inactivity</c>) under the current rule set and the candidate.</summary>
public sealed class RuleShift
{
    internal RuleShift(string id, RuleUsage? old, RuleUsage? @new)
    {
        Id = id;
        Old = old;
        New = @new;
    }

    /// <summary>The rule's id.</summary>
    public string Id { get; }

    /// <summary>Under the current rule set; null when it lacks the rule.</summary>
    public RuleUsage? Old { get; }

    /// <summary>Under the candidate; null when it lacks the rule.</summary>
    public RuleUsage? New { get; }
}
