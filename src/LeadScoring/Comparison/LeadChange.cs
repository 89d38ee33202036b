using System.Text.Json;
using LeadScoring.Scoring;

namespace LeadScoring.Comparison;

/// <summary>A lead whose stage, grade or score (by more than 1e-9) the candidate rule set changes.</summary>
public sealed class LeadChange
{
    internal LeadChange(string id, LeadScore old, LeadScore @new)
    {
        Id = id;
        Old = old;
        New = @new;
    }

    /// <summary>The lead's id.</summary>
    public string Id { get; }

    /// <summary>Its score under the current rule set.</summary>
    public LeadScore Old { get; }

    /// <summary>Its score under the candidate.</summary>
    public LeadScore New { get; }

    /// <summary>
    /// Writes the change as one <c>leadscore diff --changes</c> object:
    /// <c>{"id":..,"old":{"score","stage","grade"},"new":{..}}</c>.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("id"u8, Id);
        WriteSide(writer, "old"u8, Old);
        WriteSide(writer, "new"u8, New);
        writer.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter writer, ReadOnlySpan<byte> name, in LeadScore score)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("score"u8, score.Score);
        writer.WriteString("stage"u8, score.Stage);
        writer.WriteString("grade"u8, score.Grade);
        writer.WriteEndObject();
    }
}
