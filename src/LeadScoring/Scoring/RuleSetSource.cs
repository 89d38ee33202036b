using System.Diagnostics.CodeAnalysis;
using LeadScoring.RuleSets;
using LeadScoring.Validation;

namespace LeadScoring.Scoring;

/// <summary>
/// Where a rule set comes from (a file, JSON text, or a rule set built into the package) and how its problems
/// are reported: one line each, prefixed with the source, as <c>rules.json: $.rules[0].id: required</c>.
/// The <c>leadscore</c> tool and the hosting package load rule sets through it.
/// </summary>
public sealed class RuleSetSource
{
    private readonly Func<ScoringModel> _load;

    private RuleSetSource(string description, Func<ScoringModel> load)
    {
        Description = description;
        _load = load;
    }

    /// <summary>What the source is, as problems are prefixed with: the path as given, <c>built-in:NAME</c>, or a caller's label.</summary>
    public string Description { get; }

    /// <summary>A rule-set JSON file, read when the source is loaded.</summary>
    /// <param name="path">The file's path; problems are prefixed with it as given.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static RuleSetSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new(path, () => ScoringModel.FromFile(path));
    }

    /// <summary>Rule-set JSON text (from configuration, say).</summary>
    /// <param name="json">The rule set.</param>
    /// <param name="description">What to prefix problems with.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="description"/> is null.</exception>
    public static RuleSetSource FromJson(string json, string description)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(description);
        return new(description, () => ScoringModel.FromJson(json));
    }

    /// <summary>A rule set built into the package (see <see cref="ScoringModel.BuiltInNames"/>).</summary>
    /// <param name="name">Its name, such as <see cref="ScoringModel.DefaultName"/>.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static RuleSetSource BuiltIn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new("built-in:" + name, () => name == BuiltInRuleSets.DefaultName ? ScoringModel.Default : ScoringModel.BuiltIn(name));
    }

    /// <summary>Reads, validates and compiles the rule set.</summary>
    /// <returns>The model.</returns>
    /// <exception cref="RuleSetValidationException">The rule set is malformed or not valid; every problem is listed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="ArgumentException">No built-in rule set has the name.</exception>
    public ScoringModel Load() => _load();

    /// <summary>Loads like <see cref="Load"/>, but reports any failure as problems, one line each, prefixed with <see cref="Description"/>.</summary>
    /// <param name="model">The model, when it loads.</param>
    /// <param name="problems">Why it does not; empty when it does.</param>
    /// <returns>Whether the rule set loaded.</returns>
    public bool TryLoad([NotNullWhen(true)] out ScoringModel? model, out IReadOnlyList<string> problems)
    {
        model = null;
        problems = [];
        try
        {
            model = Load();
            return true;
        }
        catch (RuleSetValidationException ex)
        {
            problems = [.. ex.Errors.Select(Format)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            problems = [$"{Description}: {ex.Message}"];
        }

        return false;
    }

    /// <summary>One problem as a line: <c>SOURCE: $.path: message</c>.</summary>
    /// <param name="error">A problem of this source's rule set.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public string Format(RuleSetError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"{Description}: {error}";
    }

    /// <summary>The source's description.</summary>
    /// <returns><see cref="Description"/>.</returns>
    public override string ToString() => Description;
}
