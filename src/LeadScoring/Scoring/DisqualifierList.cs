using System.Collections;
using System.Numerics;

namespace LeadScoring.Scoring;

/// <summary>
/// The ids of the disqualifiers that hold for a lead, in rule-set order. A small struct over the model's own id
/// strings and a bit mask: producing it allocates nothing (except for a rule set with more than 64
/// disqualifiers, when one past the 64th holds). Enumerate it with <c>foreach</c> without allocating.
/// </summary>
public readonly struct DisqualifierList : IReadOnlyList<string>
{
    private readonly string[]? _ids;
    private readonly ulong _first64;
    private readonly ulong[]? _rest;

    internal DisqualifierList(string[] ids, ulong first64, ulong[]? rest)
    {
        _ids = ids;
        _first64 = first64;
        _rest = rest;
    }

    /// <summary>How many disqualifiers hold.</summary>
    public int Count
    {
        get
        {
            int count = BitOperations.PopCount(_first64);
            foreach (ulong word in _rest ?? [])
            {
                count += BitOperations.PopCount(word);
            }

            return count;
        }
    }

    /// <summary>Whether none holds.</summary>
    public bool IsEmpty => _first64 == 0 && _rest is null;

    /// <summary>The id of the <paramref name="index"/>-th disqualifier that holds.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The disqualifier's id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>.</exception>
    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            foreach (string id in this)
            {
                if (index-- == 0)
                {
                    return id;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(index), "There are fewer disqualifiers that hold.");
        }
    }

    /// <summary>An enumerator over the ids, in rule-set order.</summary>
    /// <returns>A struct enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<string> IEnumerable<string>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The ids, comma-separated.</summary>
    /// <returns>For example <c>competitor, student</c>.</returns>
    public override string ToString() => string.Join(", ", (IEnumerable<string>)this);

    private bool Holds(int d) => d < 64 ? (_first64 & (1UL << d)) != 0 : _rest is { } rest && (rest[(d - 64) >> 6] & (1UL << (d & 63))) != 0;

    /// <summary>Enumerates the ids of the disqualifiers that hold.</summary>
    public struct Enumerator : IEnumerator<string>
    {
        private readonly DisqualifierList _list;
        private int _index;

        internal Enumerator(DisqualifierList list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current id.</summary>
        public readonly string Current => _list._ids![_index];

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next disqualifier that holds.</summary>
        /// <returns>False at the end.</returns>
        public bool MoveNext()
        {
            int length = _list._ids?.Length ?? 0;
            while (++_index < length)
            {
                if (_list.Holds(_index))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Starts again.</summary>
        public void Reset() => _index = -1;

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}
