using System.Text;
using System.Text.Json;
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

    public void ReadType(ref Utf8JsonReader reader) =>
        _type = !reader.ValueIsEscaped && !reader.HasValueSequence && Ascii.IsValid(reader.ValueSpan)
            ? model.TypeId(reader.ValueSpan)
            : model.TypeId(reader.GetString()!); // escaped or non-ASCII: decoded (and checked) as for a lead

    public readonly void Add(DateTimeOffset at, string? tag) => into.Add(_type, at.UtcTicks, tag);
}
