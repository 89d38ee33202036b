namespace LeadScoring.Scoring;

/// <summary>
/// A lead's activities with their types already resolved to one model's type ids: what a binding reads from a host
/// object, and what the tool's scoring path parses straight from JSON, so that scoring looks no name up.
/// Columns rather than <see cref="Leads.LeadActivity"/> values: no type name is carried, and storing ids and instants
/// costs no garbage-collector write barrier. Reused lead after lead by one thread; not thread-safe.
/// </summary>
internal sealed class ResolvedActivities
{
    private int[] _typeIds = new int[64];
    private long[] _utcTicks = new long[64];
    private string?[] _tags = new string?[64];
    private bool _hasTags;

    /// <summary>How many activities have been added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Each activity's type id in the model (-1: no rule counts its type).</summary>
    public ReadOnlySpan<int> TypeIds => _typeIds.AsSpan(0, Count);

    /// <summary>Each activity's instant, in UTC ticks.</summary>
    public ReadOnlySpan<long> UtcTicks => _utcTicks.AsSpan(0, Count);

    /// <summary>Each activity's tag (null: none, or not read because no rule of the model reads tags).</summary>
    public ReadOnlySpan<string?> Tags => _tags.AsSpan(0, Count);

    /// <summary>Appends an activity.</summary>
    public void Add(int typeId, long utcTicks, string? tag)
    {
        int i = Count;
        if (i == _typeIds.Length)
        {
            Grow();
        }

        _typeIds[i] = typeId;
        _utcTicks[i] = utcTicks;
        if (tag is not null)
        {
            // Tags are stored only when there is one, so that a lead without tags writes no references at all.
            _tags[i] = tag;
            _hasTags = true;
        }

        Count = i + 1;
    }

    /// <summary>Empties the buffer for the next lead, dropping its tags (so that they do not outlive it).</summary>
    public void Clear()
    {
        if (_hasTags)
        {
            _tags.AsSpan(0, Count).Clear();
            _hasTags = false;
        }

        Count = 0;
    }

    private void Grow()
    {
        int length = _typeIds.Length * 2;
        Array.Resize(ref _typeIds, length);
        Array.Resize(ref _utcTicks, length);
        Array.Resize(ref _tags, length);
    }
}
