namespace LeadScoring.Cli;

/// <summary>The <c>leadscore</c> entry point, with its streams passed in so that tests can run it in-process.</summary>
internal static class CommandLine
{
    public const string Usage = """
        usage:
          leadscore validate RULES.json
          leadscore score --rules RULES.json [--input LEADS.jsonl] [--output OUT.jsonl] [--as-of ISO-8601] [--explain] [--since ISO-8601]
          leadscore calibrate --rules RULES.json [--input LEADS.jsonl] [--output REPORT.json] [--suggest RULES-OUT.json]
                    [--calibrated RULES-OUT.json] [--lead-time-days D] [--holdout F] [--l2 L] [--points-to-double-odds P]
          leadscore diff --rules OLD.json --candidate NEW.json [--input LEADS.jsonl] [--as-of ISO-8601] [--output REPORT.json]
                    [--changes CHANGES.jsonl] [--lead-time-days D] [--fail-if-auc-drops]

        RULES.json may be 'default' for the rule set built into the package.
        Input and output default to standard input and output (JSON Lines, one lead per line).
        Exit codes: 0 success, 1 invalid rule set or lead, 2 bad usage, 3 a gate failed (diff --fail-if-auc-drops).
        """;

    public static int Run(string[] args, Stream input, Stream output, TextWriter standardOutput, TextWriter error, TimeProvider clock)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case "validate":
                    return ValidateCommand.Run(args.AsSpan(1), standardOutput, error);
                case "score":
                    return ScoreCommand.Run(args.AsSpan(1), input, output, error, clock);
                case "calibrate":
                    return CalibrateCommand.Run(args.AsSpan(1), input, output, error);
                case "diff":
                    return DiffCommand.Run(args.AsSpan(1), input, output, error, clock);
                case "--help" or "-h" or "help":
                    standardOutput.WriteLine(Usage);
                    return ExitCode.Success;
                case null:
                    throw new UsageException("no command given");
                default:
                    throw new UsageException($"unknown command '{args[0]}'");
            }
        }
        catch (UsageException ex)
        {
            error.WriteLine($"leadscore: {ex.Message}");
            error.WriteLine(Usage);
            return ExitCode.Usage;
        }
        finally
        {
            error.Flush();
            standardOutput.Flush();
        }
    }
}
