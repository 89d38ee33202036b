using System.Buffers;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>Results write integral numbers through integers: the text must be what the double would have written.</summary>
public sealed class LeadScoreJsonNumberTests
{
    [Property(MaxTest = 2000)]
    public void A_number_written_as_an_integer_reads_as_the_double_would(Seed seed)
    {
        var random = new Random(seed);
        double value = random.Next(4) switch
        {
            0 => random.Next(-1_000, 1_000),
            1 => random.NextInt64(-1_000_000_000_000_000L, 1_000_000_000_000_001L), // up to 1e15: the limit
            2 => random.Next(-100_000, 100_000) / 8.0, // some halves and eighths: not integers
            _ => random.NextInt64(long.MinValue, long.MaxValue),
        };
        AssertSameText(value);
    }

    [Fact]
    public void Edges_read_as_the_double_would()
    {
        foreach (double value in new[] { 0.0, -0.0, 1e15, -1e15, 999_999_999_999_999.0, 1e16, 4.9e-324, -25.0, 100.0 })
        {
            AssertSameText(value);
        }

        Assert.False(LeadScoreJson.PrintsAsInteger(-0.0, out _)); // "-0" is no integer's text
    }

    /// <summary>Non-integral numbers go in as raw text: through an indented writer they must land as a number does.</summary>
    [Fact]
    public void A_result_written_indented_is_the_compact_result_indented()
    {
        var model = ScoringModel.Default;
        int fractional = 0;
        foreach (var lead in File.ReadLines(Path.Combine(TestPaths.Samples, "leads.jsonl")).Select(LeadJson.Parse))
        {
            var explanation = model.Explain(lead, TestRuleSets.AsOf);
            var change = model.ExplainChange(lead, TestRuleSets.AsOf.AddDays(-30), TestRuleSets.AsOf);
            string compact = Text(w => LeadScoreJson.WriteResult(w, lead.Id, change, explanation));
            fractional += compact.Contains('.', StringComparison.Ordinal) ? 1 : 0;

            var indented = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(indented, new JsonWriterOptions { Indented = true }))
            {
                LeadScoreJson.WriteResult(writer, lead.Id, change, explanation);
            }

            var reindented = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(reindented, new JsonWriterOptions { Indented = true }))
            {
                JsonDocument.Parse(compact).WriteTo(writer); // a document writes each number's text as it read it
            }

            Assert.Equal(Encoding.UTF8.GetString(reindented.WrittenSpan), Encoding.UTF8.GetString(indented.WrittenSpan));
        }

        Assert.True(fractional > 0, "no sample lead scored a number with a fraction");
    }

    private static void AssertSameText(double value)
    {
        string expected = Text(w => w.WriteNumberValue(value));
        string actual = LeadScoreJson.PrintsAsInteger(value, out long integer) ? Text(w => w.WriteNumberValue(integer)) : expected;
        Assert.Equal(expected, actual);
    }

    private static string Text(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
