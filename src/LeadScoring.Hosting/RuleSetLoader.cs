using System.Diagnostics.CodeAnalysis;

namespace LeadScoring.Hosting;

/// <summary>Turns options into a rule-set source: the one place that knows the precedence of the three sources.</summary>
internal static class RuleSetLoader
{
    public const string ConfigurationSource = "configuration";

    /// <summary>The problem with the options themselves (before any rule set is read), or null.</summary>
    public static string? CheckSources(LeadScoringOptions options)
    {
        if (options.ConfigurationProblems.Count > 0)
        {
            return string.Join("; ", options.ConfigurationProblems);
        }

        int given = (string.IsNullOrWhiteSpace(options.RuleSetPath) ? 0 : 1)
            + (string.IsNullOrWhiteSpace(options.RuleSetJson) ? 0 : 1)
            + (string.IsNullOrWhiteSpace(options.BuiltInRuleSet) ? 0 : 1);
        return given > 1 ? "set only one of RuleSetPath, RuleSetJson and BuiltInRuleSet" : null;
    }

    /// <summary>The source the options name (with none, the built-in default).</summary>
    public static RuleSetSource Source(LeadScoringOptions options) =>
        !string.IsNullOrWhiteSpace(options.RuleSetPath) ? RuleSetSource.FromFile(Path.GetFullPath(options.RuleSetPath))
        : !string.IsNullOrWhiteSpace(options.RuleSetJson) ? RuleSetSource.FromJson(options.RuleSetJson, ConfigurationSource)
        : RuleSetSource.BuiltIn(string.IsNullOrWhiteSpace(options.BuiltInRuleSet) ? ScoringModel.DefaultName : options.BuiltInRuleSet);

    public static string Describe(LeadScoringOptions options) => Source(options).Description;

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

        return Source(options).Load();
    }

    /// <summary>
    /// Loads like <see cref="Load"/>, but reports a rule set that cannot be loaded as problems, one per line,
    /// each prefixed with the source as the CLI prints them (<c>rules.json: $.rules[0].id: required</c>).
    /// </summary>
    public static bool TryLoad(LeadScoringOptions options, [NotNullWhen(true)] out ScoringModel? model, out IReadOnlyList<string> problems)
    {
        var source = Source(options);
        if (CheckSources(options) is { } conflict)
        {
            model = null;
            problems = [$"{source.Description}: {conflict}"];
            return false;
        }

        return source.TryLoad(out model, out problems);
    }
}
