namespace LeadScoring.Hosting;

/// <summary>The scorers of all named rule sets registered with <c>AddLeadScoring(name, ...)</c>.</summary>
public interface ILeadScorerProvider
{
    /// <summary>The registered names (the default scorer's name is the empty string).</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>The scorer of a named rule set, loading it on first use.</summary>
    /// <param name="name">The name given to <c>AddLeadScoring</c> (the empty string for the default scorer).</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The rule set cannot be loaded; the failures say why.</exception>
    /// <exception cref="InvalidOperationException">No rule set of that name was registered.</exception>
    ILeadScorer GetScorer(string name);
}
