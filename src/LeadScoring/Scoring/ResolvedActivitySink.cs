using System.Text;
using LeadScoring.Leads;

namespace LeadScoring.Scoring;

/// <summary>
/// Parses a lead's activities straight into a model's resolved form (<see cref="ResolvedActivities"/>): a type is
/// looked up from its UTF-8 bytes, with no string made, and tags are read only when some rule of the model reads them.
/// </summary>
internal struct ResolvedActivitySink(CompiledRuleSet model, ResolvedActivities into) : ILeadActivitySink
{
    private int _type;

    public readonly bool KeepsTags => model.ReadsTags;

    public readonly void Clear() => into.Clear();

    public void SetType(ReadOnlySpan<byte> utf8, bool isAscii) =>
        _type = isAscii ? model.TypeId(utf8) : model.TypeId(Encoding.UTF8.GetString(utf8)); // non-ASCII: as a name

    public void SetType(string type) => _type = model.TypeId(type);

    public readonly void Add(long utcTicks, int offsetMinutes, string? tag) => into.Add(_type, utcTicks, tag); // scoring needs no offset
}
