namespace LeadScoring.Cli;

/// <summary><c>leadscore validate RULES.json</c>.</summary>
internal static class ValidateCommand
{
    public static int Run(ReadOnlySpan<string> args, TextWriter output, TextWriter error)
    {
        var arguments = Arguments.Parse(args, valued: [], flags: []);
        if (arguments.Positional.Count != 1)
        {
            throw new UsageException("validate takes exactly one rule-set file");
        }

        string path = arguments.Positional[0];
        var model = RuleSetArgument.Load(path, error);
        if (model is null)
        {
            return ExitCode.Invalid;
        }

        output.WriteLine($"{path}: valid ({model})");
        return ExitCode.Success;
    }
}
