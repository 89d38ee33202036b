using System.Globalization;

namespace LeadScoring.Cli;

/// <summary>
/// <c>leadscore score --rules RULES.json [--input LEADS.jsonl] [--output OUT.jsonl] [--as-of ISO-8601] [--explain] [--since ISO-8601] [--format json|text]</c>:
/// one output line per lead, same order, streaming, scored on every core (<see cref="ScorePipeline"/>).
/// </summary>
internal static class ScoreCommand
{
    public static int Run(ReadOnlySpan<string> args, Stream standardInput, Stream standardOutput, TextWriter error, TimeProvider clock, bool showProgress = false)
    {
        var arguments = Arguments.Parse(args, valued: ["--rules", "--input", "--output", "--as-of", "--since", "--format"], flags: ["--explain"]);
        arguments.RejectPositional();
        string rulesPath = arguments.Value("--rules") ?? throw new UsageException("score needs --rules RULES.json (or --rules default)");
        DateTimeOffset? since = Options.Instant(arguments, "--since");
        DateTimeOffset? givenAsOf = Options.Instant(arguments, "--as-of"); // a bad one is bad usage before anything is read
        string? inputPath = Options.Path(arguments, "--input");
        string? outputPath = Options.Path(arguments, "--output");
        bool explain = arguments.Flag("--explain");
        bool text = arguments.Value("--format") switch
        {
            null or "json" => false,
            "text" => true,
            { } other => throw new UsageException($"--format: expected json or text, got {LeadScoring.Validation.Quoted.Text(other)}"),
        };

        var model = RuleSetArgument.Load(rulesPath, error);
        if (model is null)
        {
            return ExitCode.Invalid;
        }

        DateTimeOffset asOf = Options.AsOf(givenAsOf, clock, error);
        if (since >= asOf)
        {
            throw new UsageException($"--since must be before the as-of instant ({since.Value.ToString("O", CultureInfo.InvariantCulture)} is not before {asOf.ToString("O", CultureInfo.InvariantCulture)})");
        }

        using var input = inputPath is null ? standardInput : Options.OpenInput(inputPath);
        var pipeline = new ScorePipeline(model, asOf, since, explain, text ? new TextResult(model) : null, inputPath ?? "<stdin>");
        using var file = outputPath is null ? null : OutputFile.Create(outputPath);
        int errors;
        using (var output = new BufferedStream(file?.Stream ?? standardOutput, 64 * 1024))
        {
            errors = pipeline.Run(new LeadJsonLinesReader(input, leaveOpen: true), output, error, showProgress ? new Progress(error, clock) : null);
        }

        if (errors > 0)
        {
            return ExitCode.Invalid; // the output file, if any, is deleted: written whole or not at all
        }

        file?.Commit();
        return ExitCode.Success;
    }
}
