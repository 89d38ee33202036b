using System.Numerics;

namespace LeadScoring.Leads;

/// <summary>
/// Parses the lead format's timestamps: an ISO 8601 date-time that must carry a UTC offset,
/// <c>YYYY-MM-DDThh:mm[:ss[.fraction]](Z|+hh:mm|-hh:mm|+hhmm|+hh)</c>. Fractions beyond 100 ns are truncated.
/// </summary>
internal static class Iso8601
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value) => TryParse<char>(s, out value);

    /// <summary>The same, from ASCII bytes (straight from JSON); any other byte fails as a non-ASCII character does.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value) => TryParse<byte>(s, out value);

    private static bool TryParse<TChar>(ReadOnlySpan<TChar> s, out DateTimeOffset value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = default;
        int p = 0;
        if (!Digits(s, ref p, 4, out int year) || !Expect(s, ref p, '-') || !Digits(s, ref p, 2, out int month)
            || !Expect(s, ref p, '-') || !Digits(s, ref p, 2, out int day)
            || p >= s.Length || (At(s, p) != 'T' && At(s, p) != 't'))
        {
            return false;
        }

        p++;
        if (!Digits(s, ref p, 2, out int hour) || !Expect(s, ref p, ':') || !Digits(s, ref p, 2, out int minute))
        {
            return false;
        }

        int second = 0;
        long fractionTicks = 0;
        if (p < s.Length && At(s, p) == ':')
        {
            p++;
            if (!Digits(s, ref p, 2, out second))
            {
                return false;
            }

            if (p < s.Length && At(s, p) is '.' or ',')
            {
                p++;
                int start = p;
                long scale = TimeSpan.TicksPerSecond;
                while (p < s.Length && char.IsAsciiDigit(At(s, p)))
                {
                    scale /= 10;
                    fractionTicks += (At(s, p) - '0') * scale;
                    p++;
                }

                if (p == start)
                {
                    return false;
                }
            }
        }

        if (p >= s.Length)
        {
            return false; // no offset: the spec requires one
        }

        int offsetMinutes;
        if (At(s, p) is 'Z' or 'z')
        {
            p++;
            offsetMinutes = 0;
        }
        else if (At(s, p) is '+' or '-')
        {
            int sign = At(s, p) == '-' ? -1 : 1;
            p++;
            if (!Digits(s, ref p, 2, out int offsetHours))
            {
                return false;
            }

            int offsetMinute = 0;
            if (p < s.Length)
            {
                if (At(s, p) == ':')
                {
                    p++;
                }

                if (!Digits(s, ref p, 2, out offsetMinute))
                {
                    return false;
                }
            }

            if (offsetHours > 14 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = sign * ((offsetHours * 60) + offsetMinute);
            if (Math.Abs(offsetMinutes) > 14 * 60)
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (p != s.Length || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long localTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        long utcTicks = localTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(localTicks, TimeSpan.FromMinutes(offsetMinutes));
        return true;
    }

    // A character as a char (a byte is the ASCII character of its value; any other byte matches nothing below).
    private static char At<TChar>(ReadOnlySpan<TChar> s, int p)
        where TChar : unmanaged, IBinaryInteger<TChar> => (char)ushort.CreateTruncating(s[p]);

    private static bool Digits<TChar>(ReadOnlySpan<TChar> s, ref int p, int count, out int value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = 0;
        if (p + count > s.Length)
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            char c = At(s, p + i);
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        p += count;
        return true;
    }

    private static bool Expect<TChar>(ReadOnlySpan<TChar> s, ref int p, char c)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (p < s.Length && At(s, p) == c)
        {
            p++;
            return true;
        }

        return false;
    }
}
