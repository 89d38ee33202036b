using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LeadScoring.Scoring;

internal sealed partial class CompiledRuleSet
{
    /// <summary>The most activities scanned as one chunk (chunks bound the buffers of set-aside matches).</summary>
    private const int MaxChunk = 64;

    /// <summary>The matches of each sort one chunk may set aside in the stack buffers; larger rule sets use per-thread arrays.</summary>
    private const int MaxPending = 256;

    [ThreadStatic]
    private static double[]? t_pendingAgeTicks;

    [ThreadStatic]
    private static int[]? t_pendingConsumers;

    [ThreadStatic]
    private static long[]? t_deferred;

    /// <summary>
    /// One activity pass, a chunk of activities at a time. A chunk's instants and type ids are resolved first, in a
    /// loop of their own (<see cref="IActivityColumns.Resolve"/>). The loop over the chunk then only adds: counts and plain sums as
    /// activities come; matches of decaying each rules are set aside with their ages in ticks, and matches that need a
    /// tag test or repeat limits with their position. After the loop the set-aside matches are handled
    /// (<see cref="Deferred"/>) and the decaying ones weighted in one vectorised pass (<see cref="AddDecayed"/>). The loop
    /// neither divides nor calls, so its values stay in registers: a call inside it (exp, a tag test) made the JIT spill them all.
    /// </summary>
    private ref struct ActivityScan
    {
        private readonly CompiledRuleSet _model;
        private readonly long _asOfUtcTicks;
        private readonly Span<double> _tallies;
        private readonly Span<double> _pendingAgeTicks;
        private readonly Span<int> _pendingConsumers;
        private readonly Span<long> _deferred;
        private readonly Span<long> _chunkUtcTicks;
        private readonly Span<int> _chunkTypeIds;
        private long _newest;
        private int _setAside;

        /// <param name="model">The model scoring.</param>
        /// <param name="asOfUtcTicks">The as-of instant.</param>
        /// <param name="tallies">The tallies to add to (cleared by the caller).</param>
        /// <param name="pendingAgeTicks">A stack buffer of <see cref="MaxPending"/>, used when the model's chunks fit in it.</param>
        /// <param name="pendingConsumers">Likewise.</param>
        /// <param name="deferred">Likewise.</param>
        /// <param name="chunkUtcTicks">A stack buffer of <see cref="MaxChunk"/>: the instants of a chunk's activities, for columns that look them up.</param>
        /// <param name="chunkTypeIds">Likewise, their type ids.</param>
        public ActivityScan(CompiledRuleSet model, long asOfUtcTicks, Span<double> tallies, Span<double> pendingAgeTicks, Span<int> pendingConsumers, Span<long> deferred, Span<long> chunkUtcTicks, Span<int> chunkTypeIds)
        {
            _model = model;
            _asOfUtcTicks = asOfUtcTicks;
            _tallies = tallies;
            bool fits = model._pendingCapacity <= MaxPending;
            _pendingAgeTicks = fits ? pendingAgeTicks : ThreadScratch(ref t_pendingAgeTicks, model._pendingCapacity);
            _pendingConsumers = fits ? pendingConsumers : ThreadScratch(ref t_pendingConsumers, model._pendingCapacity);
            _deferred = fits ? deferred : ThreadScratch(ref t_deferred, model._pendingCapacity);
            _chunkUtcTicks = chunkUtcTicks;
            _chunkTypeIds = chunkTypeIds;
            _newest = long.MaxValue;
        }

        /// <summary>Scans the activities at input positions <paramref name="start"/> to <paramref name="end"/> (exclusive), at most the model's chunk.</summary>
        public void Chunk<TColumns>(TColumns columns, int start, int end)
            where TColumns : IActivityColumns, allows ref struct
        {
            var model = _model;
            Debug.Assert(end - start <= model._chunk && end <= columns.Length, "one chunk of activities");

            // Read without bounds checks: type ids come from this model's type table (anything else is skipped by the
            // unsigned range test), consumer ranges and tally indexes were built with the arrays they index, and a
            // chunk sets aside at most _pendingCapacity matches of each sort (its activities times the most consumers of
            // a type): a match is written at the count of those kept before it, below that bound too.
            uint typeCount = (uint)(model._consumerStart.Length - 1);
            ref int starts = ref MemoryMarshal.GetArrayDataReference(model._consumerStart);
            ref ActivityConsumer consumers = ref MemoryMarshal.GetArrayDataReference(model._consumers);
            ref double tally = ref MemoryMarshal.GetReference(_tallies);
            ref double pendingAgeTicks = ref MemoryMarshal.GetReference(_pendingAgeTicks);
            ref int pendingConsumer = ref MemoryMarshal.GetReference(_pendingConsumers);
            ref long deferred = ref MemoryMarshal.GetReference(_deferred);
            int n = end - start;
            var chunk = columns.Resolve(start, n, _chunkUtcTicks, _chunkTypeIds);
            Debug.Assert(chunk.UtcTicks.Length == n && chunk.TypeIds.Length == n, "one instant and one type id per activity");
            ref long utcTicks = ref MemoryMarshal.GetReference(chunk.UtcTicks);
            ref int ids = ref MemoryMarshal.GetReference(chunk.TypeIds);
            long asOf = _asOfUtcTicks;
            long newest = _newest;
            int pending = 0;
            int deferredCount = 0;
            for (int k = 0; k < n; k++)
            {
                long ticks = asOf - Unsafe.Add(ref utcTicks, k);
                if (ticks < 0)
                {
                    continue; // after as-of: ignored everywhere
                }

                newest = Math.Min(newest, ticks);
                int type = Unsafe.Add(ref ids, k);
                if ((uint)type >= typeCount)
                {
                    continue; // -1: no rule counts its type
                }

                int i = start + k;
                int consumersEnd = Unsafe.Add(ref starts, type + 1);
                for (int c = Unsafe.Add(ref starts, type); c < consumersEnd; c++)
                {
                    ref readonly var consumer = ref Unsafe.Add(ref consumers, c);

                    // Within withinDays: the age in days is divided out only for the weights.
                    bool within = ticks <= consumer.WithinTicks;
                    if (consumer.IsDeferred)
                    {
                        if (within)
                        {
                            Unsafe.Add(ref deferred, deferredCount++) = ((long)i << 32) | (uint)c;
                        }

                        continue;
                    }

                    // Without a branch: whether a match is set aside to be weighted or added at once depends on the
                    // activity's type, and whether it is within the limit on its age, and neither is predictable.
                    // So the match is written to the set-aside slot (kept only if it counts) and the tally gets its
                    // points or +0.0 (a count's points are 1).
                    Debug.Assert((uint)consumer.Slot < (uint)_tallies.Length, "a tally of this model");
                    int counts = Unsafe.BitCast<bool, byte>(within);
                    Unsafe.Add(ref pendingAgeTicks, pending) = ticks;
                    Unsafe.Add(ref pendingConsumer, pending) = c;
                    pending += counts & consumer.WeightedMatch;
                    Unsafe.Add(ref tally, consumer.Slot) += BitConverter.Int64BitsToDouble(consumer.AddedBits & -(long)counts);
                }
            }

            Debug.Assert(pending <= model._pendingCapacity && deferredCount <= model._pendingCapacity, "a chunk's matches fit");
            _newest = newest;
            if (deferredCount > 0)
            {
                pending = Deferred(_deferred[..deferredCount], columns, pending);
            }

            if (pending > 0)
            {
                model.AddDecayed(_pendingAgeTicks[..pending], _pendingConsumers[..pending], _tallies);
            }
        }

        /// <summary>Applies the repeat limits; returns the age in ticks of the most recent activity not after as-of, or -1 when there is none.</summary>
        public readonly long Finish()
        {
            _model.ApplyRepeatLimits(_setAside, _tallies);
            return _newest == long.MaxValue ? -1 : _newest;
        }

        /// <summary>
        /// The matches the loop set aside (activity position, consumer), in activity order: the tag test, then the same
        /// additions as in the loop, or for repeat limits the match set aside until <see cref="Finish"/>. Returns the
        /// number of pending decaying matches, <paramref name="pending"/> and those added here.
        /// </summary>
        private int Deferred<TColumns>(ReadOnlySpan<long> matches, TColumns columns, int pending)
            where TColumns : IActivityColumns, allows ref struct
        {
            var model = _model;
            foreach (long match in matches)
            {
                int i = (int)(match >> 32);
                int c = (int)match;
                ref readonly var consumer = ref model._consumers[c];
                if (consumer.Tag is { } tag && !tag.Evaluate(columns.Tag(i)))
                {
                    continue;
                }

                long utcTicks = columns.UtcTicks(i);
                long ticks = _asOfUtcTicks - utcTicks;
                switch (consumer.Kind)
                {
                    case ConsumerKind.Count:
                    case ConsumerKind.Sum:
                        _tallies[consumer.Slot] += consumer.Points;
                        break;
                    case ConsumerKind.DecayedSum:
                        _pendingAgeTicks[pending] = ticks;
                        _pendingConsumers[pending] = c;
                        pending++;
                        break;
                    case ConsumerKind.Limited:
                        model.SetAside(consumer.Slot, columns.Tag(i), utcTicks, i, ticks, _setAside++);
                        break;
                }
            }

            return pending;
        }
    }
}
