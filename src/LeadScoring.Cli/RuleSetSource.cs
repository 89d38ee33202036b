namespace LeadScoring.Cli;

/// <summary>Loads the rule set named on the command line: a file, or <c>default</c> for the built-in one.</summary>
internal static class RuleSetSource
{
    /// <summary>The model, or null after writing the rule set's errors to <paramref name="error"/> as <c>FILE: $.path: message</c>.</summary>
    public static ScoringModel? Load(string path, TextWriter error)
    {
        if (path == ScoringModel.DefaultName)
        {
            return ScoringModel.Default;
        }

        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read rule set '{path}': {ex.Message}");
        }

        try
        {
            return ScoringModel.FromJson(json);
        }
        catch (RuleSetValidationException ex)
        {
            foreach (var problem in ex.Errors)
            {
                error.WriteLine($"{path}: {problem}");
            }

            return null;
        }
    }
}
