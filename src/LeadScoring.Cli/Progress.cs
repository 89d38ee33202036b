using System.Globalization;

namespace LeadScoring.Cli;

/// <summary>
/// A progress line on standard error when it is a terminal (<c>scored 1,234,567 leads, 81,000/s</c>), rewritten in
/// place at most once a second and cleared at the end, so that a long run shows it is alive.
/// </summary>
internal sealed class Progress(TextWriter error, TimeProvider clock)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private readonly long _start = clock.GetTimestamp();
    private long _lastShown = clock.GetTimestamp();
    private long _leads;
    private bool _shown;

    public void Add(int leads)
    {
        _leads += leads;
        if (clock.GetElapsedTime(_lastShown) < Every)
        {
            return;
        }

        _lastShown = clock.GetTimestamp();
        double seconds = Math.Max(clock.GetElapsedTime(_start).TotalSeconds, 1e-3);
        error.Write(string.Create(CultureInfo.InvariantCulture, $"\rscored {_leads:N0} leads, {_leads / seconds:N0}/s "));
        error.Flush();
        _shown = true;
    }

    public void Clear()
    {
        if (_shown)
        {
            error.Write("\r\u001b[K");
            error.Flush();
            _shown = false;
        }
    }
}
