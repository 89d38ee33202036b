using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace LeadScoring.Tests.Support;

/// <summary>Texts tests compare: a score with every part to the last bit, a lead as its JSON bytes.</summary>
internal static class TestText
{
    /// <summary>Score, fit, engagement, stage, grade, disqualifiers, every category and the probability.</summary>
    public static string Of(LeadScore score) =>
        $"{score.Score:R}|{score.Fit:R}|{score.Engagement:R}|{score.Stage}|{score.Grade}|{string.Join(",", score.DisqualifiedBy.ToArray())}|" +
        string.Join(",", Enum.GetValues<ScoreCategory>().Select(c => score[c].ToString("R", CultureInfo.InvariantCulture))) + $"|{score.Probability}";

    /// <summary>The lead as <see cref="LeadJson.Write"/> writes it, in UTF-8.</summary>
    public static byte[] JsonBytes(Lead lead)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            LeadJson.Write(writer, lead);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
