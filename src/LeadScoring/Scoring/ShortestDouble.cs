using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace LeadScoring.Scoring;

/// <summary>
/// Formats a finite double as .NET does by default (what <see cref="System.Text.Json.Utf8JsonWriter"/> writes): the
/// fewest significant digits that read back as the same double, the one nearest the exact value when several are
/// that short; plain notation for decimal exponents -4 to 16, otherwise <c>d.dddE+xx</c>. (Except where the runtime
/// errs: 10.0.12 writes 2^-25 and 2^-958 a digit short, dotnet/runtime#131131; this writes what reads back.) The digits come from
/// Ulf Adams' Ryū (PLDI 2018): two 64x128-bit products with a table of powers of five instead of the runtime's
/// Grisu and Dragon4 and its general number formatting, which took a tenth of the tool's time per lead writing the
/// four or five non-integral numbers of a score line.
/// </summary>
internal static partial class ShortestDouble
{
    /// <summary>The longest text: <c>-1.2345678901234567E-308</c>.</summary>
    public const int MaxLength = 24;

    /// <summary>The bits of the tables' numbers (<see cref="Pow5"/>, <see cref="Pow5Inverse"/>).</summary>
    internal const int TableBits = 125;

    private const int MantissaBits = 52;
    private const int ExponentBias = 1023;

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes); false, writing nothing, for NaN and the infinities.</summary>
    public static bool TryFormat(double value, Span<byte> destination, out int written)
    {
        written = 0;
        if (!double.IsFinite(value))
        {
            return false;
        }

        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        int position = 0;
        if ((long)bits < 0)
        {
            destination[position++] = (byte)'-';
        }

        ulong mantissa = bits & ((1UL << MantissaBits) - 1);
        int exponent = (int)(bits >> MantissaBits) & 0x7FF;
        if (exponent == 0 && mantissa == 0)
        {
            destination[position++] = (byte)'0';
            written = position;
            return true;
        }

        (ulong digits, int decimalExponent) = ShortestDigits(mantissa, exponent);
        written = position + Write(digits, decimalExponent, destination[position..]);
        return true;
    }

    /// <summary>Ryū: the shortest decimal <c>digits x 10^exponent</c> inside the interval of reals that round to the double.</summary>
    private static (ulong Digits, int Exponent) ShortestDigits(ulong ieeeMantissa, int ieeeExponent)
    {
        // The double is mv x 2^e2 (mv = 4 m2: two more bits); the reals that read back as it lie between (mv - 1 - mmShift) and (mv + 2) x 2^e2.
        (ulong m2, int e2) = ieeeExponent == 0
            ? (ieeeMantissa, 1 - ExponentBias - MantissaBits - 2)
            : ((1UL << MantissaBits) | ieeeMantissa, ieeeExponent - ExponentBias - MantissaBits - 2);
        bool acceptBounds = (m2 & 1) == 0; // round half to even: a bound of an even mantissa reads back as it
        ulong mv = 4 * m2;
        uint mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1u : 0u; // the gap below a power of two is half as wide

        ulong vr, vp, vm;
        int e10;
        bool vmIsTrailingZeros = false, vrIsTrailingZeros = false;
        if (e2 >= 0)
        {
            int q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            int k = TableBits + Pow5Bits(q) - 1;
            int i = -e2 + q + k;
            (vr, vp, vm) = MulShiftAll(m2, Pow5Inverse, q, i, mmShift);
            if (q <= 21)
            {
                // Only one of mp, mv, mm can be a multiple of 5, if any.
                if (mv % 5 == 0)
                {
                    vrIsTrailingZeros = IsMultipleOfPowerOf5(mv, q);
                }
                else if (acceptBounds)
                {
                    vmIsTrailingZeros = IsMultipleOfPowerOf5(mv - 1 - mmShift, q);
                }
                else
                {
                    vp -= IsMultipleOfPowerOf5(mv + 2, q) ? 1UL : 0;
                }
            }
        }
        else
        {
            int q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            int i = -e2 - q;
            int k = Pow5Bits(i) - TableBits;
            int j = q - k;
            (vr, vp, vm) = MulShiftAll(m2, Pow5, i, j, mmShift);
            if (q <= 1)
            {
                // mv = 4 m2 has at least two trailing zero bits.
                vrIsTrailingZeros = true;
                if (acceptBounds)
                {
                    vmIsTrailingZeros = mmShift == 1; // mm = mv - 1 - mmShift has a trailing zero bit when mmShift is 1
                }
                else
                {
                    vp--; // mp = mv + 2 has one trailing zero bit: the upper bound is not in the interval
                }
            }
            else if (q < 63)
            {
                vrIsTrailingZeros = IsMultipleOfPowerOf2(mv, q);
            }
        }

        int removed = 0;
        ulong output;
        if (vmIsTrailingZeros || vrIsTrailingZeros)
        {
            // The rare general case: an exact bound or value decides ties.
            int lastRemovedDigit = 0;
            while (vp / 10 > vm / 10)
            {
                vmIsTrailingZeros &= vm % 10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = (int)(vr % 10);
                (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                removed++;
            }

            if (vmIsTrailingZeros)
            {
                while (vm % 10 == 0)
                {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = (int)(vr % 10);
                    (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                    removed++;
                }
            }

            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0)
            {
                lastRemovedDigit = 4; // exactly halfway: round to even
            }

            output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1UL : 0);
        }
        else
        {
            // The common case: no ties; two digits at a time first.
            bool roundUp = false;
            if (vp / 100 > vm / 100)
            {
                roundUp = vr % 100 >= 50;
                (vr, vp, vm) = (vr / 100, vp / 100, vm / 100);
                removed += 2;
            }

            while (vp / 10 > vm / 10)
            {
                roundUp = vr % 10 >= 5;
                (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                removed++;
            }

            output = vr + (vr == vm || roundUp ? 1UL : 0);
        }

        return (output, e10 + removed);
    }

    /// <summary>The digits as .NET's default format lays them out: plain for decimal exponents -4 to 16, otherwise scientific with a signed two-digit-or-more exponent.</summary>
    private static int Write(ulong digits, int exponent, Span<byte> destination)
    {
        Span<byte> text = stackalloc byte[20];
        int length = 0;
        for (ulong rest = digits; rest != 0; rest /= 10)
        {
            text[19 - length++] = (byte)('0' + (int)(rest % 10));
        }

        var significant = text[(20 - length)..];
        int scale = exponent + length; // the decimal point's place: digits before it (negative: zeros after it)
        int position = 0;
        if (scale > 17 || scale < -3)
        {
            destination[position++] = significant[0];
            if (length > 1)
            {
                destination[position++] = (byte)'.';
                significant[1..].CopyTo(destination[position..]);
                position += length - 1;
            }

            destination[position++] = (byte)'E';
            int power = scale - 1;
            destination[position++] = power < 0 ? (byte)'-' : (byte)'+';
            power = Math.Abs(power);
            if (power >= 100)
            {
                destination[position++] = (byte)('0' + (power / 100));
            }

            destination[position++] = (byte)('0' + (power / 10 % 10));
            destination[position++] = (byte)('0' + (power % 10));
            return position;
        }

        if (scale <= 0)
        {
            destination[position++] = (byte)'0';
            destination[position++] = (byte)'.';
            destination.Slice(position, -scale).Fill((byte)'0');
            position += -scale;
            significant.CopyTo(destination[position..]);
            return position + length;
        }

        if (scale >= length)
        {
            significant.CopyTo(destination);
            destination.Slice(length, scale - length).Fill((byte)'0');
            return scale;
        }

        significant[..scale].CopyTo(destination);
        destination[scale] = (byte)'.';
        significant[scale..].CopyTo(destination[(scale + 1)..]);
        return length + 1;
    }

    /// <summary>The scaled products of 4 m2, 4 m2 + 2 and 4 m2 - 1 - mmShift with table entry <paramref name="index"/>, shifted right by <paramref name="shift"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Vr, ulong Vp, ulong Vm) MulShiftAll(ulong m2, ReadOnlySpan<ulong> table, int index, int shift, uint mmShift)
    {
        ulong low = table[2 * index], high = table[(2 * index) + 1];
        ulong m = 4 * m2;
        return (MulShift(m, low, high, shift), MulShift(m + 2, low, high, shift), MulShift(m - 1 - mmShift, low, high, shift));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulShift(ulong m, ulong low, ulong high, int shift)
    {
        Debug.Assert(shift > 64, "Ryū's shifts exceed 64 for doubles");
        UInt128 lowProduct = (UInt128)m * low;
        UInt128 highProduct = (UInt128)m * high;
        return (ulong)(((lowProduct >> 64) + highProduct) >> (shift - 64));
    }

    // ceil(log2(5^e)) for 1 <= e <= 3528 (1 for e = 0); floor(log10(2^e)) for e <= 1650; floor(log10(5^e)) for e <= 2620.
    private static int Pow5Bits(int e) => (int)(((uint)e * 1217359) >> 19) + 1;

    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    private static bool IsMultipleOfPowerOf5(ulong value, int power)
    {
        int count = 0;
        for (; value % 5 == 0; value /= 5)
        {
            count++;
        }

        return count >= power;
    }

    private static bool IsMultipleOfPowerOf2(ulong value, int power) => (value & ((1UL << power) - 1)) == 0;
}
