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

        // YYYY-MM-DDThh:mm has a fixed layout: read in one go, digit pairs at known places.
        if (s.Length < 16 || At(s, 4) != '-' || At(s, 7) != '-' || At(s, 10) is not ('T' or 't') || At(s, 13) != ':'
            || !TwoDigits(s, 0, out int century) || !TwoDigits(s, 2, out int yearOfCentury) || !TwoDigits(s, 5, out int month)
            || !TwoDigits(s, 8, out int day) || !TwoDigits(s, 11, out int hour) || !TwoDigits(s, 14, out int minute))
        {
            return false;
        }

        int year = (century * 100) + yearOfCentury;
        int p = 16;

        int second = 0;
        long fractionTicks = 0;
        if (p < s.Length && At(s, p) == ':')
        {
            p++;
            if (!NextTwoDigits(s, ref p, out second))
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
            if (!NextTwoDigits(s, ref p, out int offsetHours))
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

                if (!NextTwoDigits(s, ref p, out offsetMinute))
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

    private static bool TwoDigits<TChar>(ReadOnlySpan<TChar> s, int i, out int value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        uint tens = (uint)(At(s, i) - '0');
        uint ones = (uint)(At(s, i + 1) - '0');
        value = (int)((tens * 10) + ones);
        return tens <= 9 && ones <= 9;
    }

    /// <summary>Two digits at <paramref name="p"/>, moving past them.</summary>
    private static bool NextTwoDigits<TChar>(ReadOnlySpan<TChar> s, ref int p, out int value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = 0;
        if (p + 2 > s.Length || !TwoDigits(s, p, out value))
        {
            return false;
        }

        p += 2;
        return true;
    }
}
