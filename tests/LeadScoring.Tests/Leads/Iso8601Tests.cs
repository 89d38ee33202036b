using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Leads;

/// <summary>The timestamp parser computes instants itself (no DateTime on the way): it must agree with DateTimeOffset's own arithmetic and checks.</summary>
public sealed class Iso8601Tests
{
    [Property(MaxTest = 3000)]
    public void Any_date_time_and_offset_parses_as_DateTimeOffset_builds_it_or_fails_where_DateTimeOffset_refuses_it(Seed seed)
    {
        var random = new Random(seed);

        // Near and past every limit: month and day edges (leap years included), hour 24, minute and second 60, offsets past 14 hours.
        int year = random.Next(4) switch { 0 => random.Next(1, 10_000), 1 => new[] { 1, 2, 9998, 9999 }[random.Next(4)], 2 => 1600 + (random.Next(9) * 100), _ => 2020 + random.Next(10) };
        int month = random.Next(0, 14), day = random.Next(0, 33), hour = random.Next(0, 25), minute = random.Next(0, 61), second = random.Next(0, 61);
        int fractionDigits = random.Next(3) == 0 ? random.Next(1, 10) : 0;
        string fraction = fractionDigits == 0 ? "" : "." + string.Concat(Enumerable.Range(0, fractionDigits).Select(_ => (char)('0' + random.Next(10))));
        int offsetHours = random.Next(0, 16), offsetMinute = random.Next(4) == 0 ? random.Next(0, 61) : random.Next(2) * 30;
        int sign = random.Next(2) == 0 ? -1 : 1;
        string offset = random.Next(5) switch
        {
            0 => "Z",
            1 => $"{(sign < 0 ? '-' : '+')}{offsetHours:00}",
            2 => $"{(sign < 0 ? '-' : '+')}{offsetHours:00}{offsetMinute:00}",
            _ => $"{(sign < 0 ? '-' : '+')}{offsetHours:00}:{offsetMinute:00}",
        };
        (int h, int m) = offset switch { "Z" => (0, 0), { Length: 3 } => (offsetHours, 0), _ => (offsetHours, offsetMinute) };
        string text = $"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}:{second:00}{fraction}{offset}";

        DateTimeOffset? expected;
        try
        {
            long fractionTicks = fractionDigits == 0 ? 0 : long.Parse(fraction[1..].PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
            if (h > 14 || m > 59)
            {
                throw new ArgumentOutOfRangeException(nameof(text)); // the format's own limit, before DateTimeOffset's
            }

            expected = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second).AddTicks(fractionTicks), TimeSpan.FromMinutes(sign * ((h * 60) + m)));
        }
        catch (ArgumentException)
        {
            expected = null;
        }

        byte[] bytes = Encoding.ASCII.GetBytes(text);
        Assert.Equal(expected is not null, Iso8601.TryParse(text, out var fromChars));
        Assert.Equal(expected is not null, Iso8601.TryParse(bytes, out var fromBytes));
        Assert.Equal(expected is not null, Iso8601.TryParse(bytes, out long utcTicks, out int offsetMinutes));
        if (expected is { } instant)
        {
            Assert.Equal((instant.UtcTicks, instant.Offset), (fromChars.UtcTicks, fromChars.Offset));
            Assert.Equal((instant.UtcTicks, instant.Offset), (fromBytes.UtcTicks, fromBytes.Offset));
            Assert.Equal((instant.UtcTicks, instant.Offset), (utcTicks, TimeSpan.FromMinutes(offsetMinutes)));
        }
    }

    /// <summary>
    /// The byte parser reads the common layouts eight bytes at a time, the char parser one character at a time: any
    /// byte anywhere in such a timestamp (a digit's neighbours '/' and ':', a separator where a digit goes, a byte
    /// past ASCII) must leave them agreeing.
    /// </summary>
    [Property(MaxTest = 5000)]
    public void The_byte_parser_agrees_with_the_char_parser_on_any_byte_anywhere_in_a_common_layout(Seed seed)
    {
        var random = new Random(seed);
        string[] layouts = ["2026-07-24T11:50:00Z", "2024-02-29t23:59:59z", "0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59-14:00", "2026-03-10T08:05:09+05:30"];
        byte[] bytes = Encoding.ASCII.GetBytes(layouts[random.Next(layouts.Length)]);
        for (int changes = random.Next(1, 3); changes > 0; changes--)
        {
            byte[] candidates = [(byte)'/', (byte)':', (byte)'-', (byte)'+', (byte)'T', (byte)'Z', (byte)'0', (byte)'9', (byte)('0' + random.Next(10)), (byte)random.Next(256)];
            bytes[random.Next(bytes.Length)] = candidates[random.Next(candidates.Length)];
        }

        string text = string.Concat(bytes.Select(b => (char)b)); // the byte parser reads a byte as the character of its value
        bool fromChars = Iso8601.TryParse(text, out var instant);
        Assert.Equal(fromChars, Iso8601.TryParse(bytes, out long utcTicks, out int offsetMinutes));
        if (fromChars)
        {
            Assert.Equal((instant.UtcTicks, instant.Offset), (utcTicks, TimeSpan.FromMinutes(offsetMinutes)));
        }
    }

    [Theory]
    [InlineData("2024-02-29T00:00:00Z", true)]
    [InlineData("2023-02-29T00:00:00Z", false)]
    [InlineData("2000-02-29T12:00:00+14:00", true)]
    [InlineData("1900-02-29T12:00:00Z", false)]
    [InlineData("0001-01-01T00:00:00Z", true)]
    [InlineData("0001-01-01T00:00:00+00:01", false)] // before DateTime.MinValue in UTC
    [InlineData("9999-12-31T23:59:59.9999999Z", true)]
    [InlineData("9999-12-31T23:59:59-00:01", false)] // after DateTime.MaxValue in UTC
    [InlineData("2026-06-14T00:00:00", false)] // no offset
    [InlineData("2026-06-14T24:00:00Z", false)]
    public void Edge_instants(string text, bool valid)
    {
        Assert.Equal(valid, Iso8601.TryParse(Encoding.ASCII.GetBytes(text), out long utcTicks, out _));
        Assert.Equal(valid, Iso8601.TryParse(text, out var instant));
        if (valid)
        {
            Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcTicks, utcTicks);
            Assert.Equal(utcTicks, instant.UtcTicks);
        }
    }
}
