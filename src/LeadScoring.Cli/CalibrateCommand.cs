using System.Globalization;
using LeadScoring.Calibration;

namespace LeadScoring.Cli;

/// <summary>
/// <c>leadscore calibrate --rules RULES.json [--input LEADS.jsonl] [--output REPORT.json] [--suggest RULES-OUT.json]
/// [--calibrated RULES-OUT.json] [--lead-time-days D] [--holdout F] [--l2 L] [--points-to-double-odds P]</c>:
/// the report of SPEC section 6, and a short verdict on standard error for a person at a terminal.
/// </summary>
internal static class CalibrateCommand
{
    public static int Run(ReadOnlySpan<string> args, Stream standardInput, Stream standardOutput, TextWriter error)
    {
        var arguments = Arguments.Parse(
            args,
            valued: ["--rules", "--input", "--output", "--suggest", "--calibrated", "--lead-time-days", "--holdout", "--l2", "--points-to-double-odds"],
            flags: []);
        arguments.RejectPositional();
        string rulesPath = arguments.Value("--rules") ?? throw new UsageException("calibrate needs --rules RULES.json (or --rules default)");
        var options = new CalibrationOptions
        {
            LeadTimeDays = Options.Number(arguments, "--lead-time-days", d => d is >= 0 and <= 36_500, "0 <= D <= 36500") ?? 0,
            Holdout = Options.Number(arguments, "--holdout", f => f is > 0 and < 1, "0 < F < 1"),
            L2 = Options.Number(arguments, "--l2", l => l is >= 1e-3 and <= 1e6, "1e-3 <= L <= 1e6") ?? 1,
            PointsToDoubleOdds = Options.Number(arguments, "--points-to-double-odds", p => p is > 0 and <= 1e6, "0 < P <= 1e6") ?? 10,
        };
        string? inputPath = Options.Path(arguments, "--input");
        string? outputPath = Options.Path(arguments, "--output");
        string? suggestPath = arguments.Value("--suggest");
        string? calibratedPath = arguments.Value("--calibrated");

        var model = RuleSetArgument.Load(rulesPath, error);
        if (model is null)
        {
            return ExitCode.Invalid;
        }

        string inputName = inputPath ?? "<stdin>";
        CalibrationReport report;
        using (var input = inputPath is null ? standardInput : Options.OpenInput(inputPath))
        {
            var leads = new LeadLines(input, inputName, error);
            try
            {
                report = model.Calibrate(leads.All(), options);
            }
            catch (ArgumentException) when (leads.Errors == 0)
            {
                error.WriteLine($"leadscore: {inputName}: no decided lead (a lead with an outcome); nothing to calibrate");
                return ExitCode.Invalid;
            }
            catch (ArgumentException)
            {
                return ExitCode.Invalid; // the bad leads are already reported
            }

            if (leads.Errors > 0)
            {
                return ExitCode.Invalid; // nothing is written when a lead is invalid
            }
        }

        if ((suggestPath is not null || calibratedPath is not null) && report.Model is null)
        {
            error.WriteLine("leadscore: no model: the training set lacks a won or a lost lead, so --suggest and --calibrated cannot be written; nothing was written");
            return ExitCode.Invalid;
        }

        using var reportFile = outputPath is null ? null : OutputFile.Create(outputPath);
        using var suggestFile = suggestPath is null ? null : OutputFile.Create(suggestPath);
        using var calibratedFile = calibratedPath is null ? null : OutputFile.Create(calibratedPath);
        report.WriteJson(reportFile?.Stream ?? standardOutput);
        if (reportFile is null)
        {
            standardOutput.WriteByte((byte)'\n');
        }

        suggestFile?.Stream.Write(System.Text.Encoding.UTF8.GetBytes(report.SuggestedJson! + "\n"));
        calibratedFile?.Stream.Write(System.Text.Encoding.UTF8.GetBytes(report.CalibratedJson! + "\n"));
        reportFile?.Commit();
        suggestFile?.Commit();
        calibratedFile?.Commit();
        WriteSummary(report, error);
        return ExitCode.Success;
    }

    /// <summary>The verdict at a glance: AUC, base rate, the rules with the highest and lowest lift, the stage table.</summary>
    private static void WriteSummary(CalibrationReport report, TextWriter error)
    {
        var c = CultureInfo.InvariantCulture;
        error.WriteLine(string.Create(c, $"calibrate: {report.Leads} decided leads ({report.Won} won, {report.Lost} lost, {report.Undecided} undecided), base rate {report.BaseRate:0.###}"));
        error.WriteLine(string.Create(c, $"  AUC score {Format(report.Auc.Score)}, fit {Format(report.Auc.Fit)}, engagement {Format(report.Auc.Engagement)}; model on test {Format(report.Model?.AucTest)} ({report.Training} training, {report.Test} test leads)"));
        var fired = report.Rules.Where(r => r.Lift is not null).ToList();
        if (fired.Count > 0)
        {
            error.WriteLine("  highest lift:  " + string.Join(", ", fired.OrderByDescending(r => r.Lift).Take(5).Select(RuleText)));
            error.WriteLine("  lowest lift:   " + string.Join(", ", fired.OrderBy(r => r.Lift).Take(5).Select(RuleText)));
        }

        error.WriteLine("  stage         leads     won   rate   lift");
        foreach (var stage in report.Stages)
        {
            error.WriteLine(string.Create(c, $"  {stage.Stage ?? "(none)",-12} {stage.Leads,6} {stage.Won,7} {Format(stage.Rate),6} {Format(stage.Lift),6}"));
        }

        if (report.BestThreshold is { } threshold)
        {
            error.WriteLine(string.Create(c, $"  best threshold (F1 on training) {threshold.Score:0.######}: precision {Format(threshold.Precision)}, recall {Format(threshold.Recall)} on test"));
        }

        static string RuleText(RuleEvidence rule) => string.Create(CultureInfo.InvariantCulture, $"{rule.Id} {rule.Lift:0.00}");
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-";
}
