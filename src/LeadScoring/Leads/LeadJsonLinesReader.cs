using System.Runtime.CompilerServices;

namespace LeadScoring.Leads;

/// <summary>
/// Reads leads from a JSON Lines stream (UTF-8, one lead object per line, LF or CRLF, an optional byte order mark),
/// as the <c>leadscore</c> tool does. Memory stays flat however long the stream: one buffer, grown only to hold the
/// longest line. A line that is not a valid lead is reported with its number, and reading goes on.
/// </summary>
/// <example>
/// <code>
/// await using var reader = new LeadJsonLinesReader(File.OpenRead("leads.jsonl"));
/// await foreach (LeadLine line in reader.ReadLeadsAsync(cancellationToken))
/// {
///     if (line.Lead is { } lead) { Console.WriteLine(model.Score(lead, asOf).Stage); }
///     else { Console.Error.WriteLine($"line {line.LineNumber}: {line.Problem}"); }
/// }
/// </code>
/// </example>
public sealed class LeadJsonLinesReader : IDisposable, IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _started;

    /// <summary>Reads from <paramref name="utf8Stream"/>.</summary>
    /// <param name="utf8Stream">The JSON Lines, UTF-8.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves the stream open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Stream"/> is null.</exception>
    public LeadJsonLinesReader(Stream utf8Stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(utf8Stream);
        (_stream, _leaveOpen) = (utf8Stream, leaveOpen);
    }

    /// <summary>The number of the last line read, from 1; 0 before the first.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Whether the next line can be read without waiting for the stream (a whole line, or the end, is buffered).</summary>
    internal bool HasBufferedLine => _endOfStream || _buffer.AsSpan(_start, _end - _start).Contains((byte)'\n');

    /// <summary>
    /// Every lead of the stream, in order, each a new <see cref="Lead"/>; blank lines are skipped, and a line that
    /// is not a valid lead comes as a <see cref="LeadLine"/> with its <see cref="LeadLine.Problem"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops reading (between lines or while waiting for the stream).</param>
    /// <returns>The leads, as they are read.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public async IAsyncEnumerable<LeadLine> ReadLeadsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (!HasBufferedLine)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!TryTakeLead(out var line))
            {
                yield break;
            }

            if (line is { } lead)
            {
                yield return lead;
            }
        }
    }

    /// <summary>Closes the stream unless the reader was told to leave it open.</summary>
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Closes the stream unless the reader was told to leave it open.</summary>
    /// <returns>A task that completes when the stream is closed.</returns>
    public ValueTask DisposeAsync() => _leaveOpen ? ValueTask.CompletedTask : _stream.DisposeAsync();

    /// <summary>
    /// Every whole line buffered, as one run of bytes (reading the stream synchronously until there is a line; at the end
    /// of the stream the last line may lack its line break), for a caller that splits it with <see cref="SplitLine"/>
    /// elsewhere, without copying: the reader hands over its buffer, which holds the lines at
    /// [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>), in <paramref name="buffer"/>,
    /// and takes the array that was there (the caller's spare, any size) as its own, with the rest of the last read
    /// moved into it. <paramref name="firstLineNumber"/> is the number of the first line. False at the end of the stream.
    /// </summary>
    internal bool TryTakeLines(ref byte[] buffer, out int offset, out int length, out int firstLineNumber)
    {
        offset = length = 0;
        while (!HasBufferedLine)
        {
            int space = SpaceToFill(); // first: it moves the unread bytes, and so _end
            Fill(_stream.Read(_buffer, _end, space));
        }

        var buffered = _buffer.AsSpan(_start, _end - _start);
        int lastBreak = buffered.LastIndexOf((byte)'\n');
        var lines = lastBreak >= 0 ? buffered[..(lastBreak + 1)] : buffered; // no break: the end of the stream
        firstLineNumber = LineNumber + 1;
        if (lines.IsEmpty)
        {
            return false;
        }

        LineNumber += lines.Count((byte)'\n') + (lastBreak == lines.Length - 1 ? 0 : 1);
        int skipped = lines.Length - SkipByteOrderMark(lines).Length;
        (offset, length) = (_start + skipped, lines.Length - skipped);

        // The rest (the start of a line not yet whole) goes to the front of the next buffer, as SpaceToFill would move it.
        var next = buffer.Length >= _buffer.Length ? buffer : new byte[_buffer.Length];
        int rest = _end - (_start + lines.Length);
        Buffer.BlockCopy(_buffer, _start + lines.Length, next, 0, rest);
        (buffer, _buffer, _start, _end) = (_buffer, next, 0, rest);
        return true;
    }

    /// <summary>Takes the first line off <paramref name="lines"/>, without its line break (LF or CRLF).</summary>
    internal static ReadOnlySpan<byte> SplitLine(scoped ref ReadOnlySpan<byte> lines)
    {
        int newline = lines.IndexOf((byte)'\n');
        var line = newline >= 0 ? lines[..newline] : lines;
        lines = newline >= 0 ? lines[(newline + 1)..] : default;
        return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    /// <summary>Whether a line is blank (spaces and tabs only): a trailing newline, say, is no lead.</summary>
    internal static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).IsEmpty;

    // The next buffered line as a lead: false at the end; a blank line gives none.
    private bool TryTakeLead(out LeadLine? lead)
    {
        lead = null;
        if (!TakeLine(out var line))
        {
            return false;
        }

        if (!IsBlank(line))
        {
            var parsed = new Lead("-");
            lead = LeadJson.TryParse(line, parsed, out string? problem)
                ? new LeadLine(LineNumber, parsed, null)
                : new LeadLine(LineNumber, null, problem);
        }

        return true;
    }

    private bool TakeLine(out ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> buffered = _buffer.AsSpan(_start, _end - _start);
        if (buffered.IsEmpty)
        {
            line = default;
            return false; // only at the end of the stream: HasBufferedLine held
        }

        var rest = buffered;
        line = SkipByteOrderMark(SplitLine(ref rest));
        _start += buffered.Length - rest.Length;
        LineNumber++;
        return true;
    }

    // A UTF-8 byte order mark is not part of the first lead.
    private ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> first)
    {
        if (_started)
        {
            return first;
        }

        _started = true;
        return first.StartsWith("\uFEFF"u8) ? first[3..] : first;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        int space = SpaceToFill(); // first: it moves the unread bytes, and so _end
        Fill(await _stream.ReadAsync(_buffer.AsMemory(_end, space), cancellationToken).ConfigureAwait(false));
    }

    // Moves the unread bytes to the front and doubles the buffer when a line fills it; returns the free space.
    private int SpaceToFill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        return _buffer.Length - _end;
    }

    private void Fill(int read)
    {
        _endOfStream = read == 0;
        _end += read;
    }
}
