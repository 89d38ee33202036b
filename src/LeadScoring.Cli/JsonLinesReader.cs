namespace LeadScoring.Cli;

/// <summary>
/// Reads a stream one line at a time into a reusable buffer, so memory stays flat however long the
/// input is (a buffer only grows to hold the longest line).
/// </summary>
internal sealed class JsonLinesReader(Stream stream)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _started;

    /// <summary>Whether the next <see cref="TryReadLine"/> can answer without reading the stream (a whole line, or the end, is buffered).</summary>
    public bool HasBufferedLine => _endOfStream || _buffer.AsSpan(_start, _end - _start).Contains((byte)'\n');

    /// <summary>The next line without its line break; valid until the next call.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0 || (_endOfStream && _start < _end))
            {
                int length = newline >= 0 ? newline : _end - _start;
                line = TrimCarriageReturn(_buffer.AsSpan(_start, length));
                _start += newline >= 0 ? newline + 1 : length;
                if (!_started)
                {
                    _started = true;
                    line = line.StartsWith("\uFEFF"u8) ? line[3..] : line; // a UTF-8 byte order mark is not part of the first lead
                }

                return true;
            }

            if (_endOfStream)
            {
                line = default;
                return false;
            }

            Fill();
        }
    }

    private void Fill()
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

        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
