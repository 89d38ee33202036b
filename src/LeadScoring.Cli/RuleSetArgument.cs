namespace LeadScoring.Cli;

/// <summary>Loads the rule set named on the command line: a file, or <c>default</c> for the built-in one.</summary>
internal static class RuleSetArgument
{
    /// <summary>The model, or null after writing the rule set's errors to <paramref name="error"/> as <c>FILE: $.path: message</c>.</summary>
    /// <exception cref="UsageException">The file cannot be read.</exception>
    public static ScoringModel? Load(string argument, TextWriter error)
    {
        var source = argument == ScoringModel.DefaultName ? RuleSetSource.BuiltIn(ScoringModel.DefaultName) : RuleSetSource.FromFile(argument);
        try
        {
            return source.Load();
        }
        catch (RuleSetValidationException ex)
        {
            foreach (var problem in ex.Errors)
            {
                error.WriteLine(source.Format(problem));
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read rule set '{argument}': {ex.Message}");
        }
    }
}
