using System.Buffers;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;

namespace LeadScoring.Tests.Scoring;

/// <summary>Results write integral numbers through integers: the text must be what the double would have written.</summary>
public sealed class LeadScoreJsonNumberTests
{
    [Property(MaxTest = 2000)]
    public void A_number_written_as_an_integer_reads_as_the_double_would(long seed, int scale)
    {
        double value = Math.Abs(scale % 4) switch
        {
            0 => seed % 1_000,
            1 => seed % 1_000_000_000_000_000L, // up to 1e15: the limit
            2 => (seed % 100_000) / 8.0, // some halves and eighths: not integers
            _ => seed,
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
