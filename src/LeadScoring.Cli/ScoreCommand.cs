using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LeadScoring.Cli;

/// <summary>
/// <c>leadscore score --rules RULES.json [--input LEADS.jsonl] [--output OUT.jsonl] [--as-of ISO-8601] [--explain] [--since ISO-8601]</c>:
/// one output line per lead, same order, streaming.
/// </summary>
internal static class ScoreCommand
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(ReadOnlySpan<string> args, Stream standardInput, Stream standardOutput, TextWriter error, TimeProvider clock)
    {
        var arguments = Arguments.Parse(args, valued: ["--rules", "--input", "--output", "--as-of", "--since"], flags: ["--explain"]);
        if (arguments.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{arguments.Positional[0]}'");
        }

        string rulesPath = arguments.Value("--rules") ?? throw new UsageException("score needs --rules RULES.json (or --rules default)");
        DateTimeOffset? givenAsOf = ParseInstant("--as-of", arguments.Value("--as-of"));
        DateTimeOffset? since = ParseInstant("--since", arguments.Value("--since"));
        string? inputPath = arguments.Value("--input") is "-" ? null : arguments.Value("--input"); // "-": standard input
        string? outputPath = arguments.Value("--output") is "-" ? null : arguments.Value("--output");
        bool explain = arguments.Flag("--explain");

        var model = RuleSetArgument.Load(rulesPath, error);
        if (model is null)
        {
            return ExitCode.Invalid;
        }

        DateTimeOffset asOf = givenAsOf ?? clock.GetUtcNow();
        if (givenAsOf is null)
        {
            error.WriteLine($"leadscore: as-of {asOf.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} (now, UTC)");
        }

        if (since >= asOf)
        {
            throw new UsageException($"--since must be before the as-of instant ({since.Value.ToString("O", CultureInfo.InvariantCulture)} is not before {asOf.ToString("O", CultureInfo.InvariantCulture)})");
        }

        using var input = inputPath is null ? standardInput : OpenInput(inputPath);
        string inputName = inputPath ?? "<stdin>";
        string? temporaryPath = outputPath is null ? null : TemporaryPathFor(outputPath);
        bool ok = false;
        try
        {
            using (var output = new BufferedStream(temporaryPath is null ? standardOutput : CreateOutput(temporaryPath), 64 * 1024))
            {
                ok = ScoreAll(model, asOf, since, explain, new JsonLinesReader(input), inputName, output, writeAfterError: temporaryPath is null, error);
            }

            if (ok && temporaryPath is not null)
            {
                File.Move(temporaryPath, outputPath!, overwrite: true);
            }
        }
        finally
        {
            if (!ok && temporaryPath is not null)
            {
                if (File.Exists(temporaryPath))
                {
                    File.Delete(temporaryPath); // the output is written whole or not at all, even when writing fails
                }
            }
        }

        return ok ? ExitCode.Success : ExitCode.Invalid;
    }

    private static bool ScoreAll(ScoringModel model, DateTimeOffset asOf, DateTimeOffset? since, bool explain, JsonLinesReader reader, string inputName, Stream output, bool writeAfterError, TextWriter error)
    {
        var lead = new Lead("-");
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        bool ok = true;
        for (int lineNumber = 1; reader.TryReadLine(out var line); lineNumber++)
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue; // blank lines (a trailing newline, say) are not leads
            }

            if (!LeadJson.TryParse(line, lead, out string? problem))
            {
                error.WriteLine($"{inputName}:{lineNumber}: {problem}");
                ok = false;
                continue;
            }

            if (!ok && !writeAfterError)
            {
                continue; // keep validating to report every bad lead, but nothing will be written
            }

            if (since is { } earlier)
            {
                LeadScoreJson.WriteResult(writer, lead.Id, model.ExplainChange(lead, earlier, asOf), explain ? model.Explain(lead, asOf) : null);
            }
            else if (explain)
            {
                LeadScoreJson.WriteResult(writer, lead.Id, model.Explain(lead, asOf));
            }
            else
            {
                LeadScoreJson.WriteResult(writer, lead.Id, model.Score(lead, asOf));
            }

            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }

        return ok;
    }

    private static DateTimeOffset? ParseInstant(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var asOf))
        {
            throw new UsageException($"{option}: '{text}' is not an ISO 8601 date-time (e.g. 2026-11-01T00:00:00Z)");
        }

        return asOf;
    }

    private static FileStream OpenInput(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read input '{path}': {ex.Message}");
        }
    }

    private static FileStream CreateOutput(string path)
    {
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write output '{path}': {ex.Message}");
        }
    }

    private static string TemporaryPathFor(string outputPath)
    {
        string full = Path.GetFullPath(outputPath);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }
}
