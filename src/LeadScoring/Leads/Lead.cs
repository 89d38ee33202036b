using System.Runtime.InteropServices;

namespace LeadScoring.Leads;

/// <summary>
/// A lead to score: an id, attributes and activities. It is a reusable container: a host can
/// <see cref="Reset"/> one instance and fill it again for every lead, so scoring a stream of
/// leads allocates nothing per lead beyond the strings the host already has.
/// </summary>
/// <remarks>Not thread-safe for writing; any number of threads may score the same lead while nobody writes it.</remarks>
public sealed class Lead
{
    // Past this many attributes, duplicate-name checks go through a dictionary instead of a scan.
    private const int IndexThreshold = 16;

    private readonly List<LeadAttribute> _attributes = [];
    private readonly List<LeadActivity> _activities = [];
    private Dictionary<string, int>? _attributeIndex;
    private string _id;

    /// <summary>Creates an empty lead.</summary>
    /// <param name="id">The lead's id: a non-empty string.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public Lead(string id)
    {
        _id = CheckId(id);
    }

    /// <summary>The lead's id (non-empty).</summary>
    public string Id
    {
        get => _id;
        set => _id = CheckId(value);
    }

    /// <summary>The attributes, in the order they were first set. Names are unique, ignoring case.</summary>
    public ReadOnlySpan<LeadAttribute> Attributes => CollectionsMarshal.AsSpan(_attributes);

    /// <summary>What became of the lead (won or lost, and when), or null while it is undecided. Scoring ignores it.</summary>
    public LeadOutcome? Outcome { get; set; }

    /// <summary>The activities, in the order they were added (order does not affect the score).</summary>
    public ReadOnlySpan<LeadActivity> Activities => CollectionsMarshal.AsSpan(_activities);

    /// <summary>Sets an attribute, replacing one whose name differs only in case.</summary>
    /// <param name="name">The attribute name (non-empty), matched against rule fields ignoring case.</param>
    /// <param name="value">Its value (<see cref="AttributeValue.Missing"/> for none).</param>
    /// <returns>This lead, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public Lead Set(string name, AttributeValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        int existing = IndexOf(name);
        if (existing >= 0)
        {
            _attributes[existing] = new LeadAttribute(_attributes[existing].Name, value);
        }
        else
        {
            Append(name, value);
        }

        return this;
    }

    /// <summary>Gets an attribute by name, ignoring case.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">Its value, or <see cref="AttributeValue.Missing"/> when there is none.</param>
    /// <returns>Whether the lead has the attribute.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetAttribute(string name, out AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        int index = IndexOf(name);
        value = index >= 0 ? _attributes[index].Value : default;
        return index >= 0;
    }

    /// <summary>Adds an activity.</summary>
    /// <param name="type">The activity type (non-empty), matched ignoring case.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="tag">An optional tag: a URL path, asset name, campaign, channel...</param>
    /// <returns>This lead, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is null or empty.</exception>
    public Lead AddActivity(string type, DateTimeOffset at, string? tag = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        _activities.Add(new LeadActivity(type, at, tag));
        return this;
    }

    /// <summary>Adds an activity.</summary>
    /// <param name="activity">The activity; its type must be non-empty.</param>
    /// <returns>This lead, for chaining.</returns>
    /// <exception cref="ArgumentException">The activity's type is null or empty.</exception>
    public Lead AddActivity(LeadActivity activity) => AddActivity(activity.Type, activity.At, activity.Tag);

    /// <summary>Empties the lead for reuse, keeping its buffers, and gives it a new id.</summary>
    /// <param name="id">The new id (non-empty).</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public void Reset(string id)
    {
        _id = CheckId(id);
        Clear();
    }

    /// <summary>Empties the lead, keeping its id and buffers (the JSON reader sets the id when it finds it).</summary>
    internal void Clear()
    {
        _attributes.Clear();
        _activities.Clear();
        Outcome = null;
        _attributeIndex?.Clear();
    }

    /// <summary>Adds an attribute unless one of the same name (ignoring case) exists.</summary>
    internal bool TryAdd(string name, AttributeValue value)
    {
        if (IndexOf(name) >= 0)
        {
            return false;
        }

        Append(name, value);
        return true;
    }

    private void Append(string name, AttributeValue value)
    {
        _attributes.Add(new LeadAttribute(name, value));
        if (_attributeIndex is not null)
        {
            _attributeIndex[name] = _attributes.Count - 1;
        }
        else if (_attributes.Count > IndexThreshold)
        {
            _attributeIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < _attributes.Count; i++)
            {
                _attributeIndex[_attributes[i].Name] = i;
            }
        }
    }

    private int IndexOf(string name)
    {
        if (_attributeIndex is { Count: > 0 } index)
        {
            return index.TryGetValue(name, out int i) ? i : -1;
        }

        var span = Attributes;
        for (int i = 0; i < span.Length; i++)
        {
            if (string.Equals(span[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string CheckId(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return id;
    }
}
