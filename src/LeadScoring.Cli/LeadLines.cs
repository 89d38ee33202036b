namespace LeadScoring.Cli;

/// <summary>
/// Leads read one JSON line at a time into one reused <see cref="Lead"/>: blank lines are skipped, and an invalid
/// lead is reported on standard error as <c>FILE:LINE: problem</c>, counted, and passed over, so that every bad lead
/// of a file is reported in one run.
/// </summary>
internal sealed class LeadLines(Stream input, string inputName, TextWriter error)
{
    private readonly JsonLinesReader _reader = new(input);
    private readonly Lead _lead = new("-");
    private int _lineNumber;

    /// <summary>Invalid leads seen so far.</summary>
    public int Errors { get; private set; }

    /// <summary>The next valid lead (the same instance each time, refilled), or null at the end of the input.</summary>
    public Lead? Next()
    {
        while (_reader.TryReadLine(out var line))
        {
            _lineNumber++;
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue; // blank lines (a trailing newline, say) are not leads
            }

            if (LeadJson.TryParse(line, _lead, out string? problem))
            {
                return _lead;
            }

            error.WriteLine($"{inputName}:{_lineNumber}: {problem}");
            Errors++;
        }

        return null;
    }

    /// <summary>Every valid lead, for the library's calibration and comparison (each lead is read before the next is parsed).</summary>
    public IEnumerable<Lead> All()
    {
        while (Next() is { } lead)
        {
            yield return lead;
        }
    }
}
