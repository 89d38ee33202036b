using System.Buffers;
using System.Text.Json;
using LeadScoring.Leads;
using LeadScoring.Validation;

namespace LeadScoring.Scoring;

/// <summary>
/// Writes JSON Lines, as the <c>leadscore</c> tool does: one result (a score, an explanation, a change) or one lead
/// per line, with the format's property names, UTF-8, LF line ends. Lines are buffered and written to the stream in
/// blocks; <see cref="FlushAsync"/> (or disposing) writes the rest.
/// </summary>
/// <example>
/// <code>
/// await using var writer = new LeadJsonLinesWriter(Console.OpenStandardOutput());
/// await writer.WriteScoreAsync(lead.Id, model.Score(lead, asOf), cancellationToken);
/// </code>
/// </example>
public sealed class LeadJsonLinesWriter : IDisposable, IAsyncDisposable
{
    // Written to the stream once this much is buffered.
    private const int BlockBytes = 64 * 1024;

    private readonly Stream? _stream;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _lines;
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to <paramref name="utf8Stream"/>.</summary>
    /// <param name="utf8Stream">Where the lines go.</param>
    /// <param name="leaveOpen">Whether disposing the writer leaves the stream open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Stream"/> is null.</exception>
    public LeadJsonLinesWriter(Stream utf8Stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(utf8Stream);
        (_stream, _leaveOpen) = (utf8Stream, leaveOpen);
        _lines = new ArrayBufferWriter<byte>(BlockBytes);
        _json = new Utf8JsonWriter(_lines, LenientJsonWriter.Compact);
    }

    /// <summary>Writes into a buffer the caller owns (the tool's parallel scoring, which orders the buffers itself).</summary>
    internal LeadJsonLinesWriter(ArrayBufferWriter<byte> lines)
    {
        _lines = lines;
        _json = new Utf8JsonWriter(_lines, LenientJsonWriter.Compact);
    }

    /// <summary>Writes a score line: id, score, fit, engagement, stage, grade, disqualifiedBy, categories, probability.</summary>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="result">Its score.</param>
    /// <param name="cancellationToken">Stops waiting for the stream.</param>
    /// <returns>A task that completes when the line is buffered (or written, when the buffer was full).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leadId"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public ValueTask WriteScoreAsync(string leadId, LeadScore result, CancellationToken cancellationToken = default)
    {
        Write(leadId, result);
        return WriteBlockAsync(cancellationToken);
    }

    /// <summary>Writes a score line with <c>rules</c>: every non-zero contribution.</summary>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="explanation">Its explanation.</param>
    /// <param name="cancellationToken">Stops waiting for the stream.</param>
    /// <returns>A task that completes when the line is buffered (or written, when the buffer was full).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public ValueTask WriteExplanationAsync(string leadId, LeadScoreExplanation explanation, CancellationToken cancellationToken = default)
    {
        Write(leadId, explanation);
        return WriteBlockAsync(cancellationToken);
    }

    /// <summary>Writes the score at the later instant of <paramref name="change"/> with <c>since</c> and <c>changes</c>, and <c>rules</c> when <paramref name="explanation"/> is given.</summary>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="change">The score change.</param>
    /// <param name="explanation">The explanation at the later instant, or null.</param>
    /// <param name="cancellationToken">Stops waiting for the stream.</param>
    /// <returns>A task that completes when the line is buffered (or written, when the buffer was full).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leadId"/> or <paramref name="change"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public ValueTask WriteChangeAsync(string leadId, ScoreChange change, LeadScoreExplanation? explanation, CancellationToken cancellationToken = default)
    {
        Write(leadId, change, explanation);
        return WriteBlockAsync(cancellationToken);
    }

    /// <summary>Writes a lead as lead JSON (what <see cref="LeadJsonLinesReader"/> reads back).</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="cancellationToken">Stops waiting for the stream.</param>
    /// <returns>A task that completes when the line is buffered (or written, when the buffer was full).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public ValueTask WriteLeadAsync(Lead lead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        LeadJson.Write(_json, lead);
        EndLine();
        return WriteBlockAsync(cancellationToken);
    }

    /// <summary>Writes every buffered line to the stream and flushes it.</summary>
    /// <param name="cancellationToken">Stops waiting for the stream.</param>
    /// <returns>A task that completes when the stream is flushed.</returns>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        await WriteBufferedAsync(cancellationToken).ConfigureAwait(false);
        if (_stream is not null)
        {
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what is buffered, then closes the stream unless the writer was told to leave it open.</summary>
    public void Dispose()
    {
        if (_stream is not null && _lines.WrittenCount > 0)
        {
            _stream.Write(_lines.WrittenSpan);
            _lines.ResetWrittenCount();
            _stream.Flush();
        }

        _json.Dispose();
        if (!_leaveOpen)
        {
            _stream?.Dispose();
        }
    }

    /// <summary>Writes what is buffered, then closes the stream unless the writer was told to leave it open.</summary>
    /// <returns>A task that completes when the lines are written and the stream closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await FlushAsync().ConfigureAwait(false);
        await _json.DisposeAsync().ConfigureAwait(false);
        if (!_leaveOpen && _stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Buffers a score line.</summary>
    internal void Write(string leadId, in LeadScore result)
    {
        LeadScoreJson.WriteResult(_json, leadId, result);
        EndLine();
    }

    /// <summary>Buffers a score line with its rules.</summary>
    internal void Write(string leadId, LeadScoreExplanation explanation)
    {
        LeadScoreJson.WriteResult(_json, leadId, explanation);
        EndLine();
    }

    /// <summary>Buffers a score-change line.</summary>
    internal void Write(string leadId, ScoreChange change, LeadScoreExplanation? explanation)
    {
        LeadScoreJson.WriteResult(_json, leadId, change, explanation);
        EndLine();
    }

    private void EndLine()
    {
        _json.Flush();
        _json.Reset();
        _lines.Write("\n"u8);
    }

    private ValueTask WriteBlockAsync(CancellationToken cancellationToken) =>
        _lines.WrittenCount >= BlockBytes ? WriteBufferedAsync(cancellationToken) : ValueTask.CompletedTask;

    private async ValueTask WriteBufferedAsync(CancellationToken cancellationToken)
    {
        if (_stream is not null && _lines.WrittenCount > 0)
        {
            await _stream.WriteAsync(_lines.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _lines.ResetWrittenCount();
        }
    }
}
