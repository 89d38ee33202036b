using System.Buffers;
using System.Collections.Concurrent;

namespace LeadScoring.Cli;

/// <summary>
/// <c>score</c> on every core, output in input order: the reading thread cuts the input into batches of lines,
/// each batch is parsed and scored on the thread pool into its own output buffer, and
/// a writer writes finished batches in order. At most <see cref="MaxInFlight"/> batches are in flight, so memory stays
/// flat however large the input (a batch holds at most ~1 MB of input and its output).
/// </summary>
internal sealed class ScorePipeline(ScoringModel model, DateTimeOffset asOf, DateTimeOffset? since, bool explain, TextResult? text, string inputName)
{
    private const int BatchBytes = 1 << 20;
    private const int BatchLines = 4096;

    // Below the large-object heap threshold: most batches are one read buffer (64 KB) of lines.
    private const int InitialBytes = 64 * 1024;
    private static readonly int MaxInFlight = Math.Max(2, Environment.ProcessorCount * 2);

    // Batches and output buffers go back here once written, and are reused: a batch grows to ~1 MB on a file, and
    // allocating each anew cost more memory traffic than the leads themselves. At most MaxInFlight + 2 of each exist.
    private readonly ConcurrentQueue<Batch> _freeBatches = new();
    private readonly ConcurrentQueue<ArrayBufferWriter<byte>> _freeOutputs = new();

    /// <summary>Scores every line of <paramref name="reader"/> to <paramref name="output"/>; returns the number of invalid leads.</summary>
    public int Run(LeadJsonLinesReader reader, Stream output, TextWriter error, Progress? progress = null)
    {
        using var inFlight = new BlockingCollection<Task<BatchResult>>(MaxInFlight);
        var writing = Task.Run(() => WriteInOrder(inFlight, output, error, progress));
        try
        {
            var batch = RentBatch();
            while (reader.TryReadLine(out var line))
            {
                if (!LeadJsonLinesReader.IsBlank(line))
                {
                    batch.Add(line, reader.LineNumber);
                }

                // A batch goes when it is full, or when the next line would wait for input: a host that writes a
                // lead and waits for its score gets it without waiting for a batch to fill. (Batches of one read
                // buffer, 64 KB, measured as fast as 1 MB batches on files, with less memory.)
                if (batch.IsFull || (batch.Count > 0 && !reader.HasBufferedLine))
                {
                    var full = batch;
                    inFlight.Add(Task.Run(() => Process(full)));
                    batch = RentBatch();
                }
            }

            if (batch.Count > 0)
            {
                var last = batch;
                inFlight.Add(Task.Run(() => Process(last)));
            }
        }
        finally
        {
            inFlight.CompleteAdding();
        }

        return writing.GetAwaiter().GetResult();
    }

    private Batch RentBatch() => _freeBatches.TryDequeue(out var batch) ? batch : new Batch();

    /// <summary>Writes each batch's output and errors in input order; flushes whenever it has caught up.</summary>
    private int WriteInOrder(BlockingCollection<Task<BatchResult>> inFlight, Stream output, TextWriter error, Progress? progress)
    {
        int errors = 0;
        foreach (var task in inFlight.GetConsumingEnumerable())
        {
            var result = task.GetAwaiter().GetResult();
            output.Write(result.Output.WrittenSpan);
            result.Output.ResetWrittenCount();
            _freeOutputs.Enqueue(result.Output);
            if (result.Errors.Count > 0)
            {
                progress?.Clear(); // an error line never lands on top of the progress line
            }

            foreach (string problem in result.Errors)
            {
                error.WriteLine(problem);
            }

            progress?.Add(result.Leads);

            errors += result.Errors.Count;
            if (inFlight.Count == 0)
            {
                output.Flush();
            }
        }

        progress?.Clear();
        return errors;
    }

    private BatchResult Process(Batch batch)
    {
        var result = new BatchResult(_freeOutputs.TryDequeue(out var output) ? output : new ArrayBufferWriter<byte>(InitialBytes)) { Leads = batch.Count };
        var lead = new Lead("-");
        using var writer = new LeadJsonLinesWriter(result.Output);
        var compiled = model.Compiled;

        // A plain score reads activities straight into the model's resolved form: no type becomes a string.
        bool plain = text is null && since is null && !explain;
        var sink = new ResolvedActivitySink(compiled, batch.Activities);
        for (int i = 0; i < batch.Count; i++)
        {
            string? problem;
            if (plain ? !LeadJson.TryParse(batch.Line(i), lead, ref sink, out problem) : !LeadJson.TryParse(batch.Line(i), lead, out problem))
            {
                result.Errors.Add($"{inputName}:{batch.LineNumber(i)}: {problem}");
                continue;
            }

            if (plain)
            {
                writer.Write(lead.Id, compiled.ScoreResolved(lead.Attributes, batch.Activities, asOf.UtcTicks));
                continue;
            }

            if (text is not null)
            {
                var change = since is { } from ? model.ExplainChange(lead, from, asOf) : null;
                result.Output.Write(System.Text.Encoding.UTF8.GetBytes(text.Format(lead.Id, model.Explain(lead, asOf), change)));
                continue;
            }

            if (since is { } earlier)
            {
                writer.Write(lead.Id, model.ExplainChange(lead, earlier, asOf), explain ? model.Explain(lead, asOf) : null);
            }
            else
            {
                writer.Write(lead.Id, model.Explain(lead, asOf));
            }
        }

        batch.Clear();
        _freeBatches.Enqueue(batch);
        return result;
    }

    /// <summary>Lines copied out of the reader's buffer, with their line numbers.</summary>
    private sealed class Batch
    {
        private readonly List<int> _ends = [];
        private readonly List<int> _lineNumbers = [];
        private byte[] _bytes = new byte[InitialBytes];
        private int _length;

        public int Count => _ends.Count;

        /// <summary>Scratch for one lead's resolved activities while the batch is scored (kept with the batch, reused).</summary>
        public ResolvedActivities Activities { get; } = new();

        /// <summary>Empties the batch for reuse, keeping its buffers (and dropping the last lead's tags).</summary>
        public void Clear()
        {
            Activities.Clear();
            _ends.Clear();
            _lineNumbers.Clear();
            _length = 0;
        }

        public bool IsFull => _length >= BatchBytes || _ends.Count >= BatchLines;

        public void Add(ReadOnlySpan<byte> line, int lineNumber)
        {
            if (_length + line.Length > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + line.Length));
            }

            line.CopyTo(_bytes.AsSpan(_length));
            _length += line.Length;
            _ends.Add(_length);
            _lineNumbers.Add(lineNumber);
        }

        public ReadOnlySpan<byte> Line(int i)
        {
            int start = i == 0 ? 0 : _ends[i - 1];
            return _bytes.AsSpan(start, _ends[i] - start);
        }

        public int LineNumber(int i) => _lineNumbers[i];
    }

    private sealed class BatchResult(ArrayBufferWriter<byte> output)
    {
        public int Leads { get; set; }

        public ArrayBufferWriter<byte> Output { get; } = output;

        public List<string> Errors { get; } = [];
    }
}
