using System.Globalization;
using System.Text.Json;
using LeadScoring.Comparison;

namespace LeadScoring.Cli;

/// <summary>
/// <c>leadscore diff --rules OLD.json --candidate NEW.json [--input LEADS.jsonl] [--as-of ISO-8601] [--output REPORT.json]
/// [--changes CHANGES.jsonl] [--lead-time-days D] [--fail-if-auc-drops]</c>: the report of SPEC section 7; with
/// <c>--fail-if-auc-drops</c>, a gate a team can put in its own CI before publishing a rule set.
/// </summary>
internal static class DiffCommand
{

    public static int Run(ReadOnlySpan<string> args, Stream standardInput, Stream standardOutput, TextWriter error, TimeProvider clock)
    {
        var arguments = Arguments.Parse(
            args,
            valued: ["--rules", "--candidate", "--input", "--as-of", "--output", "--changes", "--lead-time-days"],
            flags: ["--fail-if-auc-drops"]);
        arguments.RejectPositional();
        string rulesPath = arguments.Value("--rules") ?? throw new UsageException("diff needs --rules OLD.json");
        string candidatePath = arguments.Value("--candidate") ?? throw new UsageException("diff needs --candidate NEW.json");
        var options = new ComparisonOptions
        {
            LeadTimeDays = Options.Number(arguments, "--lead-time-days", d => d is >= 0 and <= 36_500, "0 <= D <= 36500") ?? 0,
        };
        DateTimeOffset? givenAsOf = Options.Instant(arguments, "--as-of"); // a bad one is bad usage before anything is read
        string? inputPath = Options.Path(arguments, "--input");
        string? outputPath = Options.Path(arguments, "--output");
        string? changesPath = arguments.Value("--changes");
        bool gate = arguments.Flag("--fail-if-auc-drops");

        var current = RuleSetArgument.Load(rulesPath, error);
        var candidate = RuleSetArgument.Load(candidatePath, error);
        if (current is null || candidate is null)
        {
            return ExitCode.Invalid;
        }

        var asOf = Options.AsOf(givenAsOf, clock, error);
        string inputName = inputPath ?? "<stdin>";
        using var changesFile = changesPath is null ? null : OutputFile.Create(changesPath);
        ComparisonReport report;
        using (var input = inputPath is null ? standardInput : Options.OpenInput(inputPath))
        using (var changes = changesFile is null ? null : new BufferedStream(changesFile.Stream, 64 * 1024))
        using (var writer = changes is null ? null : new Utf8JsonWriter(changes, LeadScoring.Validation.LenientJsonWriter.Compact))
        {
            var leads = new LeadLines(input, inputName, error);
            report = current.CompareWith(candidate, leads.All(), asOf, options, writer is null ? null : change =>
            {
                change.WriteJson(writer);
                writer.Flush();
                writer.Reset();
                changes!.WriteByte((byte)'\n');
            });
            if (leads.Errors > 0)
            {
                return ExitCode.Invalid; // nothing is written when a lead is invalid
            }
        }

        using (var reportFile = outputPath is null ? null : OutputFile.Create(outputPath))
        {
            report.WriteJson(reportFile?.Stream ?? standardOutput);
            if (reportFile is null)
            {
                standardOutput.WriteByte((byte)'\n');
            }

            reportFile?.Commit();
        }

        changesFile?.Commit();
        WriteSummary(report, error);
        return gate ? Gate(report, error) : ExitCode.Success;
    }

    /// <summary>Exit 3 when the candidate's AUC is below the current one's; 2 when either cannot be computed.</summary>
    private static int Gate(ComparisonReport report, TextWriter error)
    {
        if (report.Outcomes is not { AucOld: { } old, AucNew: { } @new })
        {
            error.WriteLine("leadscore: --fail-if-auc-drops cannot judge: the input needs decided leads with both outcomes (won and lost)");
            return ExitCode.Usage;
        }

        if (@new < old)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leadscore: gate failed: the candidate's AUC {@new:0.####} is below the current {old:0.####}"));
            return ExitCode.GateFailed;
        }

        return ExitCode.Success;
    }

    private static void WriteSummary(ComparisonReport report, TextWriter error)
    {
        var c = CultureInfo.InvariantCulture;
        var s = report.Score;
        error.WriteLine(string.Create(c, $"diff: {report.Leads} leads, {report.StageChanged} change stage, {report.GradeChanged} change grade; mean score {s.MeanOld:0.##} -> {s.MeanNew:0.##} ({s.Increased} up, {s.Decreased} down, {s.Unchanged} unchanged)"));
        if (report.Outcomes is { } outcomes)
        {
            error.WriteLine(string.Create(c, $"  AUC on {outcomes.Leads} decided leads: {Format(outcomes.AucOld)} -> {Format(outcomes.AucNew)}"));
        }

        foreach (var transition in report.Transitions.Where(t => t.From != t.To))
        {
            error.WriteLine(string.Create(c, $"  {transition.From ?? "(none)"} -> {transition.To ?? "(none)"}: {transition.Leads}"));
        }
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
