using System.Globalization;

namespace LeadScoring.Cli;

/// <summary>Parsing of option values shared by the commands: instants and bounded numbers (a bad value is bad usage).</summary>
internal static class Options
{
    public static DateTimeOffset? Instant(Arguments arguments, string option)
    {
        if (arguments.Value(option) is not { } text)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var instant))
        {
            throw new UsageException($"{option}: '{text}' is not an ISO 8601 date-time (e.g. 2026-11-01T00:00:00Z)");
        }

        return instant;
    }

    /// <summary>The option's number; <paramref name="valid"/> says whether it is in range, <paramref name="range"/> how to say the range.</summary>
    public static double? Number(Arguments arguments, string option, Func<double, bool> valid, string range)
    {
        if (arguments.Value(option) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new UsageException($"{option}: '{text}' is not a number");
        }

        return valid(value) ? value : throw new UsageException($"{option}: {text} is out of range; expected {range}");
    }

    /// <summary>The path of a file option; "-" means standard input or output (null).</summary>
    public static string? Path(Arguments arguments, string option) => arguments.Value(option) is "-" ? null : arguments.Value(option);

    public static FileStream OpenInput(string path)
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

    /// <summary>The as-of instant: <paramref name="given"/>, or now (said on standard error so that a run can be repeated).</summary>
    public static DateTimeOffset AsOf(DateTimeOffset? given, TimeProvider clock, TextWriter error)
    {
        if (given is { } instant)
        {
            return instant;
        }

        var now = clock.GetUtcNow();
        error.WriteLine($"leadscore: as-of {now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} (now, UTC)");
        return now;
    }
}
