namespace LeadScoring.Cli;

/// <summary>
/// The leads of a JSON Lines input through the library's <see cref="LeadJsonLinesReader"/>: an invalid lead is
/// reported on standard error as <c>FILE:LINE: problem</c>, counted, and passed over, so that every bad lead of a
/// file is reported in one run.
/// </summary>
internal sealed class LeadLines(Stream input, string inputName, TextWriter error)
{
    /// <summary>Invalid leads seen so far.</summary>
    public int Errors { get; private set; }

    /// <summary>Every valid lead, in order, for the library's calibration and comparison (read as they are consumed).</summary>
    public IEnumerable<Lead> All()
    {
        var reader = new LeadJsonLinesReader(input, leaveOpen: true);

        // The commands are synchronous; the reader's async enumeration is consumed on this thread.
        foreach (var line in reader.ReadLeadsAsync().ToBlockingEnumerable())
        {
            if (line.Lead is { } lead)
            {
                yield return lead;
            }
            else
            {
                error.WriteLine($"{inputName}:{line.LineNumber}: {line.Problem}");
                Errors++;
            }
        }
    }
}
