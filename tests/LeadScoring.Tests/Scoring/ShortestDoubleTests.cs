using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>Result lines format their non-integral numbers with Ryū: every double must come out as the JSON writer writes it, to the byte.</summary>
public sealed class ShortestDoubleTests
{
    [Property(MaxTest = 2000)]
    public void Any_bit_pattern_formats_as_the_JSON_writer_formats_it(Seed seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 200; i++)
        {
            double value = BitConverter.UInt64BitsToDouble((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63));
            if (double.IsFinite(value)) // the largest exponent is NaN's and the infinities': the next test's
            {
                AssertSameText(value);
            }
        }
    }

    [Property(MaxTest = 2000)]
    public void Numbers_like_scores_format_as_the_JSON_writer_formats_them(Seed seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 100; i++)
        {
            // Sums of points and decayed points, few-digit decimals (ties in the shortest digits), and every exponent's edge.
            double value = random.Next(6) switch
            {
                0 => random.Next(-200, 200) * Math.Exp(-random.NextDouble() * 5),
                1 => random.Next(-1_000_000, 1_000_000) / Math.Pow(10, random.Next(0, 8)),
                2 => Math.Pow(10, random.Next(-30, 30)) * (1 + (random.Next(-3, 4) * double.Epsilon)),
                3 => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(Math.Pow(2, random.Next(-1074, 1024))) + random.Next(-2, 3)),
                4 => random.NextDouble() * Math.Pow(10, random.Next(-8, 20)),
                _ => BitConverter.UInt64BitsToDouble((ulong)random.NextInt64(0, 1L << 52)), // subnormal
            };
            if (double.IsFinite(value)) // one step below the smallest subnormal's bits is NaN's
            {
                AssertSameText(value);
                AssertSameText(-value);
            }
        }
    }

    [Fact]
    public void Edges_format_as_the_JSON_writer_formats_them()
    {
        double[] edges =
        [
            0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 2.2250738585072014E-308, 2.2250738585072009E-308,
            1e15, 1e16, 999_999_999_999_999.9, 123_456_789_012_345.6, 1e-5, 1e-4, 0.0001234, 0.00001234, 1e21, 1e22, 1e23, 5e-324, 9007199254740993,
            0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 55.57271409223596, 85.57271409223597, 1.5, 0.5, 12.25, 100.5, 1e308, 1.7976931348623157e308, 4.35,
        ];
        foreach (double value in edges)
        {
            AssertSameText(value);
        }
    }

    [Fact]
    public void The_tables_hold_what_their_definition_says()
    {
        var power = BigInteger.One;
        for (int i = 0; i < 342; i++, power *= 5)
        {
            int bits = (int)power.GetBitLength();
            if (i < ShortestDouble.Pow5.Length / 2)
            {
                var scaled = bits > ShortestDouble.TableBits ? power >> (bits - ShortestDouble.TableBits) : power << (ShortestDouble.TableBits - bits);
                Assert.Equal(scaled, Join(ShortestDouble.Pow5, i));
            }

            Assert.Equal((BigInteger.One << (bits - 1 + ShortestDouble.TableBits)) / power + 1, Join(ShortestDouble.Pow5Inverse, i));
        }

        Assert.Equal((326, 342), (ShortestDouble.Pow5.Length / 2, ShortestDouble.Pow5Inverse.Length / 2));

        static BigInteger Join(ReadOnlySpan<ulong> table, int i) => (new BigInteger(table[(2 * i) + 1]) << 64) + table[2 * i];
    }

    [Fact]
    public void NaN_and_the_infinities_are_left_to_the_caller()
    {
        Span<byte> buffer = stackalloc byte[ShortestDouble.MaxLength];
        foreach (double value in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Assert.False(ShortestDouble.TryFormat(value, buffer, out int written));
            Assert.Equal(0, written);
        }
    }

    /// <summary>
    /// The runtime (10.0.12) formats two exact powers of two with a digit too few, text that reads back as the next
    /// double down: its Dragon4 took every power of two's rounding margins as equal (dotnet/runtime#131131, fixed
    /// after this runtime). Ryū writes what the fixed runtime writes.
    /// </summary>
    [Fact]
    public void The_powers_of_two_the_runtime_gets_wrong_read_back_as_themselves()
    {
        Span<byte> buffer = stackalloc byte[ShortestDouble.MaxLength];
        foreach ((double value, string text) in new[] { (Math.ScaleB(1, -25), "2.9802322387695312E-08"), (Math.ScaleB(1, -958), "4.1045368012983762E-289") })
        {
            Assert.NotEqual(value, double.Parse(Text(value), CultureInfo.InvariantCulture)); // still the runtime's bug
            Assert.True(ShortestDouble.TryFormat(value, buffer, out int written));
            Assert.Equal(text, Encoding.ASCII.GetString(buffer[..written]));
        }

        for (int exponent = -1074; exponent <= 1023; exponent++)
        {
            AssertSameText(Math.ScaleB(1, exponent));
        }
    }

    /// <summary>The writer's text, except where the writer's text does not read back as the value: then text that does.</summary>
    private static void AssertSameText(double value)
    {
        Span<byte> buffer = stackalloc byte[ShortestDouble.MaxLength];
        Assert.True(ShortestDouble.TryFormat(value, buffer, out int written));
        string actual = Encoding.ASCII.GetString(buffer[..written]);
        string expected = Text(value);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(actual, CultureInfo.InvariantCulture)));
        if (double.Parse(expected, CultureInfo.InvariantCulture) == value)
        {
            Assert.True(expected == actual, $"{BitConverter.DoubleToInt64Bits(value):X16}: expected {expected}, got {actual}");
        }
        else
        {
            Assert.Equal(expected.Length + 1, actual.Length); // the digit the runtime dropped
        }
    }

    private static string Text(double value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteNumberValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
