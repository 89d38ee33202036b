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

    /// <summary>The scorer of a named rule set if one is registered under that name and its rule set loads.</summary>
    /// <param name="name">The name given to <c>AddLeadScoring</c> (the empty string for the default scorer).</param>
    /// <param name="scorer">The scorer, or null.</param>
    /// <returns>Whether there is a registered scorer of that name serving a rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    bool TryGetScorer(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ILeadScorer? scorer)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name))
        {
            scorer = null;
            return false;
        }

        try
        {
            scorer = GetScorer(name);
            return true;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            scorer = null;
            return false;
        }
    }
}
