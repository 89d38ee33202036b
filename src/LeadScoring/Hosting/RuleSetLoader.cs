using System.Diagnostics.CodeAnalysis;

namespace LeadScoring.Hosting;

/// <summary>Turns options into a model: the one place that knows the precedence of the three sources.</summary>
internal static class RuleSetLoader
{
    public const string ConfigurationSource = "configuration";

    /// <summary>The problem with the options themselves (before any rule set is read), or null.</summary>
    public static string? CheckSources(LeadScoringOptions options)
    {
        int given = (string.IsNullOrWhiteSpace(options.RuleSetPath) ? 0 : 1)
            + (string.IsNullOrWhiteSpace(options.RuleSetJson) ? 0 : 1)
            + (string.IsNullOrWhiteSpace(options.BuiltInRuleSet) ? 0 : 1);
        return given > 1 ? "set only one of RuleSetPath, RuleSetJson and BuiltInRuleSet" : null;
    }

    public static string Describe(LeadScoringOptions options) =>
        !string.IsNullOrWhiteSpace(options.RuleSetPath) ? Path.GetFullPath(options.RuleSetPath)
        : !string.IsNullOrWhiteSpace(options.RuleSetJson) ? ConfigurationSource
        : "built-in:" + (string.IsNullOrWhiteSpace(options.BuiltInRuleSet) ? ScoringModel.DefaultName : options.BuiltInRuleSet);

    /// <summary>Loads the rule set the options name.</summary>
    /// <exception cref="RuleSetValidationException">The rule set is invalid.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="ArgumentException">The options conflict, or name no built-in rule set.</exception>
    public static ScoringModel Load(LeadScoringOptions options)
    {
        if (CheckSources(options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (!string.IsNullOrWhiteSpace(options.RuleSetPath))
        {
            return ScoringModel.FromFile(Path.GetFullPath(options.RuleSetPath));
        }

        if (!string.IsNullOrWhiteSpace(options.RuleSetJson))
        {
            return ScoringModel.FromJson(options.RuleSetJson);
        }

        return string.IsNullOrWhiteSpace(options.BuiltInRuleSet) || options.BuiltInRuleSet == ScoringModel.DefaultName
            ? ScoringModel.Default
            : ScoringModel.BuiltIn(options.BuiltInRuleSet);
    }

    /// <summary>
    /// Loads like <see cref="Load"/>, but reports a rule set that cannot be loaded as problems, one per line,
    /// each prefixed with the source as the CLI prints them (<c>rules.json: $.rules[0].id: required</c>).
    /// </summary>
    public static bool TryLoad(LeadScoringOptions options, [NotNullWhen(true)] out ScoringModel? model, out IReadOnlyList<string> problems)
    {
        string source = Describe(options);
        model = null;
        problems = [];
        if (CheckSources(options) is { } conflict)
        {
            problems = [$"{source}: {conflict}"];
            return false;
        }

        try
        {
            model = Load(options);
            return true;
        }
        catch (RuleSetValidationException ex)
        {
            problems = [.. ex.Errors.Select(e => $"{source}: {e}")];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            problems = [$"{source}: {ex.Message}"];
        }

        return false;
    }
}
