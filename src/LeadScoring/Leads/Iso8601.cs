using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LeadScoring.Leads;

/// <summary>
/// Parses the lead format's timestamps: an ISO 8601 date-time that must carry a UTC offset,
/// <c>YYYY-MM-DDThh:mm[:ss[.fraction]](Z|+hh:mm|-hh:mm|+hhmm|+hh)</c>. Fractions beyond 100 ns are truncated.
/// </summary>
internal static class Iso8601
{
    /// <summary>The length of <c>YYYY-MM-DDThh:mm:ssZ</c>, the first layout <see cref="TryParseWholeSeconds"/> reads.</summary>
    public const int WholeSecondsUtcLength = 20;

    /// <summary>The length of <c>YYYY-MM-DDThh:mm:ss+hh:mm</c>, the other.</summary>
    public const int WholeSecondsOffsetLength = 25;

    // DateTime.MaxValue.Ticks as a constant (a static readonly field may cost a class-initialisation check); 0 is MinValue's.
    private const long MaxTicks = 3_155_378_975_999_999_999;

    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value) => ToDateTimeOffset(TryParse<char>(s, out long utc, out int offset), utc, offset, out value);

    /// <summary>The same, from ASCII bytes (straight from JSON); any other byte fails as a non-ASCII character does.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value) => ToDateTimeOffset(TryParse<byte>(s, out long utc, out int offset), utc, offset, out value);

    /// <summary>
    /// The instant as UTC ticks and its offset in minutes, from ASCII bytes: what scoring reads, without building a
    /// <see cref="DateTimeOffset"/> (whose checks cost more than the parse itself).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out long utcTicks, out int offsetMinutes) =>
        TryParseWholeSeconds(s, out utcTicks, out offsetMinutes) || TryParse<byte>(s, out utcTicks, out offsetMinutes);

    /// <summary>The <see cref="DateTimeOffset"/> of an instant parsed here (always within range: the parser checked).</summary>
    public static DateTimeOffset ToDateTimeOffset(long utcTicks, int offsetMinutes) =>
        new(utcTicks + (offsetMinutes * TimeSpan.TicksPerMinute), new TimeSpan(offsetMinutes * TimeSpan.TicksPerMinute));

    private static bool ToDateTimeOffset(bool parsed, long utcTicks, int offsetMinutes, out DateTimeOffset value)
    {
        value = parsed ? ToDateTimeOffset(utcTicks, offsetMinutes) : default;
        return parsed;
    }

    /// <summary>
    /// The layouts nearly every timestamp in lead files takes, <c>YYYY-MM-DDThh:mm:ssZ</c> and
    /// <c>YYYY-MM-DDThh:mm:ss+hh:mm</c>, read eight bytes at a time (each lead has dozens of them, and the general parser
    /// reads byte by byte). False for anything else, a valid timestamp of another layout too: the general parser decides.
    /// </summary>
    internal static bool TryParseWholeSeconds(ReadOnlySpan<byte> s, out long utcTicks, out int offsetMinutes)
    {
        utcTicks = 0;
        offsetMinutes = 0;
        if (s.Length is not (WholeSecondsUtcLength or WholeSecondsOffsetLength))
        {
            return false;
        }

        // Little-endian: byte 0 is the lowest. "YYYY-MM-": digits in bytes 0-3, 5, 6. "DDThh:mm": digits in 0, 1, 3, 4, 6, 7.
        ulong date = BinaryPrimitives.ReadUInt64LittleEndian(s);
        ulong time = BinaryPrimitives.ReadUInt64LittleEndian(s[8..]);
        const ulong DateDigits = 0x00FF_FF00_FFFF_FFFF, TimeDigits = 0xFFFF_00FF_FF00_FFFF;
        if ((date & ~DateDigits) != 0x2D00_002D_0000_0000 // the two '-'
            || ((time | 0x0000_0000_0020_0000) & ~TimeDigits) != 0x0000_3A00_0074_0000 // 'T' or 't', ':'
            || !AreDigits(date, DateDigits) || !AreDigits(time, TimeDigits) || s[16] != ':')
        {
            return false;
        }

        // Byte k of the pairs is 10 x (digit at k) + (digit at k + 1): the two-digit number that starts at byte k.
        ulong datePairs = ((date & 0x0F0F_0F0F_0F0F_0F0F) * 10) + ((date & 0x0F0F_0F0F_0F0F_0F0F) >> 8);
        ulong timePairs = ((time & 0x0F0F_0F0F_0F0F_0F0F) * 10) + ((time & 0x0F0F_0F0F_0F0F_0F0F) >> 8);
        int year = ((int)(byte)datePairs * 100) + (byte)(datePairs >> 16);
        int month = (byte)(datePairs >> 40), day = (byte)timePairs, hour = (byte)(timePairs >> 24), minute = (byte)(timePairs >> 48);
        if (!TwoDigits(s, 17, out int second))
        {
            return false;
        }

        if (s.Length == WholeSecondsUtcLength)
        {
            if (s[19] is not ((byte)'Z' or (byte)'z'))
            {
                return false;
            }
        }
        else
        {
            if (s[19] is not ((byte)'+' or (byte)'-') || s[22] != ':' || !TwoDigits(s, 20, out int offsetHours) || !TwoDigits(s, 23, out int offsetMinute)
                || !TryOffset(s[19] == '-', offsetHours, offsetMinute, out offsetMinutes))
            {
                return false;
            }
        }

        return ToUtcTicks(year, month, day, hour, minute, second, 0, offsetMinutes, out utcTicks);
    }

    /// <summary>Whether every byte of <paramref name="bytes"/> that <paramref name="digits"/> selects is an ASCII digit (0x30-0x39).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreDigits(ulong bytes, ulong digits)
    {
        // High nibble 3, and low nibble + 6 still below 16 (no carry leaves a byte: each low nibble + 6 is at most 21).
        const ulong HighNibbles = 0xF0F0_F0F0_F0F0_F0F0, Sixes = 0x0606_0606_0606_0606;
        return (bytes & HighNibbles & digits) == (0x3030_3030_3030_3030 & digits)
            && ((((bytes & ~HighNibbles) + Sixes) & HighNibbles & digits) == 0);
    }

    private static bool TryParse<TChar>(ReadOnlySpan<TChar> s, out long utcTicks, out int offsetMinutes)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        utcTicks = 0;
        offsetMinutes = 0;

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

        if (At(s, p) is 'Z' or 'z')
        {
            p++;
        }
        else if (At(s, p) is '+' or '-')
        {
            bool negative = At(s, p) == '-';
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

            if (!TryOffset(negative, offsetHours, offsetMinute, out offsetMinutes))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        return p == s.Length && ToUtcTicks(year, month, day, hour, minute, second, fractionTicks, offsetMinutes, out utcTicks);
    }

    /// <summary>An offset in minutes from its sign, hours and minutes, when it is a valid one: minutes below 60, at most 14 hours in all.</summary>
    private static bool TryOffset(bool negative, int hours, int minutes, out int offsetMinutes)
    {
        offsetMinutes = (negative ? -1 : 1) * ((hours * 60) + minutes);
        return hours <= 14 && minutes <= 59 && Math.Abs(offsetMinutes) <= 14 * 60;
    }

    /// <summary>The UTC ticks of a local date and time at an offset, when the date and time are valid and the instant within DateTime's range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ToUtcTicks(int year, int month, int day, int hour, int minute, int second, long fractionTicks, int offsetMinutes, out long utcTicks)
    {
        utcTicks = 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long localTicks = (DayNumber(year, month, day) * TimeSpan.TicksPerDay)
            + ((((hour * 60L) + minute) * 60) + second) * TimeSpan.TicksPerSecond + fractionTicks;
        utcTicks = localTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        return utcTicks is >= 0 and <= MaxTicks;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLeapYear(int year) => (year & 3) == 0 && ((year % 100) != 0 || (year % 400) == 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DaysInMonth(int year, int month) => month == 2 && IsLeapYear(year) ? 29 : DaysInMonths[month - 1];

    // Days from 0001-01-01 to a valid date of the proleptic Gregorian calendar, as DateTime counts them (a test holds them together).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long DayNumber(int year, int month, int day)
    {
        int y = year - 1;
        return (y * 365L) + (y / 4) - (y / 100) + (y / 400) + DaysBeforeMonth[month - 1] + (month > 2 && IsLeapYear(year) ? 1 : 0) + day - 1;
    }

    private static ReadOnlySpan<byte> DaysInMonths => [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    private static ReadOnlySpan<short> DaysBeforeMonth => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    // A character as a char (a byte is the ASCII character of its value; any other byte matches nothing below).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char At<TChar>(ReadOnlySpan<TChar> s, int p)
        where TChar : unmanaged, IBinaryInteger<TChar> => (char)ushort.CreateTruncating(s[p]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
