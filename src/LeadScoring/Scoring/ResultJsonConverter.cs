using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadScoring.Scoring;

/// <summary>
/// A result written with the spec's names (without <c>id</c>: that is the lead's): <see cref="LeadScore"/> and
/// <see cref="LeadScoreExplanation"/>. Write-only: results are computed by a model, never read back.
/// </summary>
internal sealed class ResultJsonConverter<T>(Func<T, (LeadScore Result, IReadOnlyList<RuleContribution>? Rules)> parts) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"A {typeof(T).Name} is computed by a ScoringModel, not read from JSON.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var (result, rules) = parts(value);
        LeadScoreJson.Write(writer, leadId: null, result, rules, change: null);
    }
}
