namespace LeadScoring.Leads;

/// <summary>
/// Where <see cref="LeadJson"/> puts the activities it parses: the <see cref="Lead"/> itself, or (the tool's scoring
/// path) a model's resolved form, so that a type is looked up once from its UTF-8 bytes and never becomes a string.
/// Whatever the sink, the parser checks the same things and reports the same errors.
/// </summary>
internal interface ILeadActivitySink
{
    /// <summary>Whether tags are kept; when not, the parser still checks each tag but does not read it into a string.</summary>
    bool KeepsTags { get; }

    /// <summary>Drops the activities of the previous lead.</summary>
    void Clear();

    /// <summary>The type of the activity being parsed, as its UTF-8 bytes (unescaped, valid, not empty), and whether they are all ASCII.</summary>
    void SetType(ReadOnlySpan<byte> utf8, bool isAscii);

    /// <summary>The type of the activity being parsed, decoded (it was escaped in the JSON).</summary>
    void SetType(string type);

    /// <summary>Adds the activity being parsed, of the type read last, at an instant given as UTC ticks and its offset in minutes.</summary>
    void Add(long utcTicks, int offsetMinutes, string? tag);
}
