namespace LeadScoring;

/// <summary>The scorers of all named rule sets registered with <c>AddLeadScoring(name, ...)</c>.</summary>
public interface ILeadScorerProvider
{
    /// <summary>The registered names (the default scorer's name is the empty string).</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>The scorer of a named rule set.</summary>
    /// <exception cref="InvalidOperationException">No rule set of that name was registered.</exception>
    ILeadScorer GetScorer(string name);
}
