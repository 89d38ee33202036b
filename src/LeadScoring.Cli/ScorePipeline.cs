using System.Buffers;
using System.Collections.Concurrent;

namespace LeadScoring.Cli;

/// <summary>
/// <c>score</c> on every core, output in input order: the reading thread hands each run of whole lines it has read
/// (the reader's buffer itself, swapped for a spare: no copy, no per-line work) to the thread pool, where the lines
/// are split, parsed and scored into the batch's own output buffer, and a writer writes finished batches in order.
/// At most <see cref="MaxInFlight"/> batches are in flight, so memory stays flat however large the input (a batch is
/// one read buffer of lines, 64 KB unless a line is longer, and its output). A host that writes a lead and waits for
/// its score gets it without waiting for more input.
/// </summary>
internal sealed class ScorePipeline(ScoringModel model, DateTimeOffset asOf, DateTimeOffset? since, bool explain, TextResult? text, string inputName)
{
    // Below the large-object heap threshold: most batches are one read buffer (64 KB) of lines.
    private const int InitialBytes = 64 * 1024;
    private static readonly int MaxInFlight = Math.Max(2, Environment.ProcessorCount * 2);

    // Batches and output buffers go back here once written, and are reused: allocating each anew cost more memory
    // traffic than the leads themselves. At most MaxInFlight + 2 of each exist.
    private readonly ConcurrentQueue<Batch> _freeBatches = new();
    private readonly ConcurrentQueue<ArrayBufferWriter<byte>> _freeOutputs = new();

    /// <summary>Scores every line of <paramref name="reader"/> to <paramref name="output"/>; returns the number of invalid leads.</summary>
    public int Run(LeadJsonLinesReader reader, Stream output, TextWriter error, Progress? progress = null)
    {
        using var inFlight = new BlockingCollection<Task<BatchResult>>(MaxInFlight);
        // Its own thread: the writer blocks while it waits for the next batch, and on a pool thread it would leave the
        // batches one thread fewer (on 2 cores, one) until the pool noticed and added threads.
        var writing = Task.Factory.StartNew(() => WriteInOrder(inFlight, output, error, progress), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            for (var batch = RentBatch(); batch.TryTakeLines(reader); batch = RentBatch())
            {
                var taken = batch;
                inFlight.Add(Task.Run(() => Process(taken)));
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
        var result = new BatchResult(_freeOutputs.TryDequeue(out var output) ? output : new ArrayBufferWriter<byte>(InitialBytes));
        var lead = new Lead("-");
        using var writer = new LeadJsonLinesWriter(result.Output);
        var compiled = model.Compiled;

        // A plain score reads activities straight into the model's resolved form: no type becomes a string.
        bool plain = text is null && since is null && !explain;
        var sink = new ResolvedActivitySink(compiled, batch.Activities);
        var lines = batch.Lines;
        for (int lineNumber = batch.FirstLineNumber; !lines.IsEmpty; lineNumber++)
        {
            var line = LeadJsonLinesReader.SplitLine(ref lines);
            if (LeadJsonLinesReader.IsBlank(line))
            {
                continue;
            }

            result.Leads++;
            string? problem;
            if (plain ? !LeadJson.TryParse(line, lead, ref sink, out problem) : !LeadJson.TryParse(line, lead, out problem))
            {
                result.Errors.Add($"{inputName}:{lineNumber}: {problem}");
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

    /// <summary>A run of whole lines in a buffer taken from the reader (no copy), and the number of its first line.</summary>
    private sealed class Batch
    {
        // The reader's buffer once lines are taken; before, a spare the reader takes in exchange (it fills it next).
        private byte[] _bytes = new byte[InitialBytes];
        private int _offset;
        private int _length;

        public ReadOnlySpan<byte> Lines => _bytes.AsSpan(_offset, _length);

        public int FirstLineNumber { get; private set; }

        /// <summary>Scratch for one lead's resolved activities while the batch is scored (kept with the batch, reused).</summary>
        public ResolvedActivities Activities { get; } = new();

        /// <summary>Takes the reader's next run of whole lines; false at the end of the input.</summary>
        public bool TryTakeLines(LeadJsonLinesReader reader)
        {
            bool taken = reader.TryTakeLines(ref _bytes, out _offset, out _length, out int firstLineNumber);
            FirstLineNumber = firstLineNumber;
            return taken;
        }

        /// <summary>Empties the batch for reuse, keeping its buffers (and dropping the last lead's tags).</summary>
        public void Clear()
        {
            Activities.Clear();
            (_offset, _length) = (0, 0);
        }
    }

    private sealed class BatchResult(ArrayBufferWriter<byte> output)
    {
        public int Leads { get; set; }

        public ArrayBufferWriter<byte> Output { get; } = output;

        public List<string> Errors { get; } = [];
    }
}
