using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace LeadScoring.Leads;

/// <summary>
/// The fast path of lead parsing: one forward pass over the bytes for the plain form almost every lead takes
/// (strings without escapes, numbers, booleans and nulls as attribute values, each property at most once). It accepts
/// only JSON that the strict parser accepts too, with the same result; on anything else (an escape, an unknown
/// property, a duplicate, any error) it gives up and the strict parser reads the lead again and says what is wrong.
/// </summary>
public static partial class LeadJson
{
    // What ends a plain string: its closing quote, or what the fast path leaves to the strict parser (an escape, and
    // the control characters JSON forbids inside strings).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    // The same, and any byte of a non-ASCII character: a string found without one is ASCII, with no second pass to say so.
    private static readonly SearchValues<byte> AsciiStringStops = SearchValues.Create([.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x80, 0x80)).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    /// <summary>Reads a plain lead into <paramref name="lead"/> and <paramref name="activities"/>; returns its id, or null when the strict parser must read it.</summary>
    private static string? TryReadPlain<TSink>(ReadOnlySpan<byte> json, Lead lead, ref TSink activities)
        where TSink : struct, ILeadActivitySink
    {
        var pool = Utf8StringPool.ForThread;
        int p = 0;
        string? id = null;
        bool seenAttributes = false, seenActivities = false, seenOutcome = false;
        if (!Expect(json, ref p, (byte)'{'))
        {
            return null;
        }

        for (bool more = !TryEnd(json, ref p, (byte)'}'); more;)
        {
            if (!TryReadString(json, ref p, out var name) || !Expect(json, ref p, (byte)':'))
            {
                return null;
            }

            bool read;
            if (name.SequenceEqual("id"u8))
            {
                read = id is null && TryReadId(json, ref p, out id);
            }
            else if (name.SequenceEqual("attributes"u8))
            {
                read = !seenAttributes && TryReadAttributes(json, ref p, lead, pool);
                seenAttributes = true;
            }
            else if (name.SequenceEqual("activities"u8))
            {
                read = !seenActivities && TryReadActivities(json, ref p, ref activities, pool);
                seenActivities = true;
            }
            else if (name.SequenceEqual("outcome"u8))
            {
                read = !seenOutcome && TryReadOutcome(json, ref p, lead);
                seenOutcome = true;
            }
            else
            {
                read = false;
            }

            if (!read || !TryNext(json, ref p, (byte)'}', out more))
            {
                return null;
            }
        }

        SkipWhitespace(json, ref p);
        return p == json.Length ? id : null;
    }

    private static bool TryReadId(ReadOnlySpan<byte> json, ref int p, out string? id)
    {
        id = TryReadString(json, ref p, out var value) && !value.IsEmpty ? Encoding.UTF8.GetString(value) : null;
        return id is not null;
    }

    private static bool TryReadAttributes(ReadOnlySpan<byte> json, ref int p, Lead lead, Utf8StringPool pool)
    {
        if (TryLiteral(json, ref p, "null"u8))
        {
            return true;
        }

        if (!Expect(json, ref p, (byte)'{'))
        {
            return false;
        }

        for (bool more = !TryEnd(json, ref p, (byte)'}'); more;)
        {
            if (!TryReadString(json, ref p, out var name) || name.IsEmpty || !Expect(json, ref p, (byte)':') || !TryReadValue(json, ref p, pool, out var value)
                || !lead.TryAdd(Decode(name, pool), value) || !TryNext(json, ref p, (byte)'}', out more))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadActivities<TSink>(ReadOnlySpan<byte> json, ref int p, ref TSink activities, Utf8StringPool pool)
        where TSink : struct, ILeadActivitySink
    {
        if (TryLiteral(json, ref p, "null"u8))
        {
            return true;
        }

        if (!Expect(json, ref p, (byte)'['))
        {
            return false;
        }

        for (bool more = !TryEnd(json, ref p, (byte)']'); more;)
        {
            if (!(TryReadCompactActivity(json, ref p, ref activities, pool) || TryReadActivity(json, ref p, ref activities, pool))
                || !TryNext(json, ref p, (byte)']', out more))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An activity in the layout nearly every lead file writes, <c>{"type":"…","at":"…","tag":"…"}</c> (the tag may be
    /// null or absent) with no whitespace, ASCII strings and a timestamp of a common layout: matched a few bytes at a
    /// time, with no search for the timestamp's end. False for anything else, with nothing read (<paramref name="p"/>
    /// unmoved, no activity added): the general reader takes it.
    /// </summary>
    private static bool TryReadCompactActivity<TSink>(ReadOnlySpan<byte> json, ref int p, ref TSink activities, Utf8StringPool pool)
        where TSink : struct, ILeadActivitySink
    {
        var rest = json[p..];
        if (!rest.StartsWith("{\"type\":\""u8))
        {
            return false;
        }

        int q = 9;
        int typeLength = IndexOfAsciiStringStop(rest[q..]);
        if (typeLength <= 0 || rest[q + typeLength] != (byte)'"')
        {
            return false; // empty, not ASCII, an escape or a control character
        }

        var type = rest.Slice(q, typeLength);
        q += typeLength;
        if (!rest[q..].StartsWith("\",\"at\":\""u8))
        {
            return false;
        }

        // The common layouts' characters (digits, '-', ':', 'T', 'Z', '+') need no escape: a quote right after one ends the string.
        q += 8;
        const int Utc = Iso8601.WholeSecondsUtcLength, Offset = Iso8601.WholeSecondsOffsetLength;
        int stampLength = q + Utc < rest.Length && rest[q + Utc] == (byte)'"' ? Utc : q + Offset < rest.Length && rest[q + Offset] == (byte)'"' ? Offset : 0;
        if (stampLength == 0 || !Iso8601.TryParseWholeSeconds(rest.Slice(q, stampLength), out long atUtcTicks, out int atOffsetMinutes))
        {
            return false;
        }

        q += stampLength + 1;
        string? tag = null;
        if (rest[q..].StartsWith(",\"tag\":\""u8))
        {
            q += 8;
            int tagLength = IndexOfAsciiStringStop(rest[q..]);
            if (tagLength < 0 || rest[q + tagLength] != (byte)'"')
            {
                return false;
            }

            tag = activities.KeepsTags ? Decode(rest.Slice(q, tagLength), pool) : null;
            q += tagLength + 1;
        }
        else if (rest[q..].StartsWith(",\"tag\":null"u8))
        {
            q += 11;
        }

        if (q >= rest.Length || rest[q] != (byte)'}')
        {
            return false;
        }

        activities.SetType(type, isAscii: true);
        activities.Add(atUtcTicks, atOffsetMinutes, tag);
        p += q + 1;
        return true;
    }

    /// <summary>An activity object in any layout the fast path takes (members in any order, whitespace between tokens).</summary>
    private static bool TryReadActivity<TSink>(ReadOnlySpan<byte> json, ref int p, ref TSink activities, Utf8StringPool pool)
        where TSink : struct, ILeadActivitySink
    {
        if (!Expect(json, ref p, (byte)'{'))
        {
            return false;
        }

        bool seenType = false, seenAt = false, seenTag = false;
        long atUtcTicks = 0;
        int atOffsetMinutes = 0;
        string? tag = null;
        for (bool members = !TryEnd(json, ref p, (byte)'}'); members;)
        {
            // The three names an activity has, matched with their quotes in place (no scan for the closing quote).
            var property = ActivityProperty(json, ref p);
            if (!Expect(json, ref p, (byte)':'))
            {
                return false;
            }

            if (property == ActivityPropertyName.Type)
            {
                if (seenType || !TryReadString(json, ref p, out var type, out bool ascii) || type.IsEmpty)
                {
                    return false;
                }

                seenType = true;
                activities.SetType(type, ascii);
            }
            else if (property == ActivityPropertyName.At)
            {
                if (seenAt || !TryReadString(json, ref p, out var text) || !TryParseInstant(text, out atUtcTicks, out atOffsetMinutes))
                {
                    return false;
                }

                seenAt = true;
            }
            else if (property == ActivityPropertyName.Tag)
            {
                if (seenTag)
                {
                    return false;
                }

                seenTag = true;
                if (!TryLiteral(json, ref p, "null"u8))
                {
                    if (!TryReadString(json, ref p, out var text))
                    {
                        return false;
                    }

                    tag = activities.KeepsTags ? Decode(text, pool) : null;
                }
            }
            else
            {
                return false;
            }

            if (!TryNext(json, ref p, (byte)'}', out members))
            {
                return false;
            }
        }

        // Without a type or an instant (an empty object too) the strict parser says which is required.
        if (!seenType || !seenAt)
        {
            return false;
        }

        activities.Add(atUtcTicks, atOffsetMinutes, tag);
        return true;
    }

    private enum ActivityPropertyName
    {
        None,
        Type,
        At,
        Tag,
    }

    /// <summary>Which of <c>"type"</c>, <c>"at"</c> and <c>"tag"</c> starts here, moving past it; None (not moving) for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ActivityPropertyName ActivityProperty(ReadOnlySpan<byte> json, ref int p)
    {
        SkipWhitespace(json, ref p);
        var rest = json[p..];
        (var property, int length) = rest.StartsWith("\"type\""u8) ? (ActivityPropertyName.Type, 6)
            : rest.StartsWith("\"at\""u8) ? (ActivityPropertyName.At, 4)
            : rest.StartsWith("\"tag\""u8) ? (ActivityPropertyName.Tag, 5)
            : (ActivityPropertyName.None, 0);
        p += length;
        return property;
    }

    private static bool TryReadOutcome(ReadOnlySpan<byte> json, ref int p, Lead lead)
    {
        if (TryLiteral(json, ref p, "null"u8))
        {
            return true;
        }

        if (!Expect(json, ref p, (byte)'{'))
        {
            return false;
        }

        bool? won = null;
        DateTimeOffset? at = null;
        for (bool more = !TryEnd(json, ref p, (byte)'}'); more;)
        {
            if (!TryReadString(json, ref p, out var name) || !Expect(json, ref p, (byte)':') || !TryReadString(json, ref p, out var value))
            {
                return false;
            }

            if (name.SequenceEqual("result"u8) && won is null && (value.SequenceEqual("won"u8) || value.SequenceEqual("lost"u8)))
            {
                won = value.Length == 3;
            }
            else if (name.SequenceEqual("at"u8) && at is null && TryParseInstant(value, out var instant))
            {
                at = instant;
            }
            else
            {
                return false;
            }

            if (!TryNext(json, ref p, (byte)'}', out more))
            {
                return false;
            }
        }

        if (won is null || at is null)
        {
            return false;
        }

        lead.Outcome = new LeadOutcome(won.Value, at.Value);
        return true;
    }

    /// <summary>An attribute value: a plain string, a finite number, true, false or null (missing).</summary>
    private static bool TryReadValue(ReadOnlySpan<byte> json, ref int p, Utf8StringPool pool, out AttributeValue value)
    {
        SkipWhitespace(json, ref p);
        value = default;
        if (p >= json.Length)
        {
            return false;
        }

        switch (json[p])
        {
            case (byte)'"':
                if (!TryReadString(json, ref p, out var text))
                {
                    return false;
                }

                value = Decode(text, pool);
                return true;
            case (byte)'t':
                value = true;
                return TryLiteral(json, ref p, "true"u8);
            case (byte)'f':
                value = false;
                return TryLiteral(json, ref p, "false"u8);
            case (byte)'n':
                value = AttributeValue.Missing;
                return TryLiteral(json, ref p, "null"u8);
            default:
                if (!TryReadNumber(json, ref p, out double number))
                {
                    return false;
                }

                value = number;
                return true;
        }
    }

    /// <summary>
    /// A JSON number (<c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>) that is finite as a double;
    /// parsed as the strict parser does (both round correctly, so they agree).
    /// </summary>
    private static bool TryReadNumber(ReadOnlySpan<byte> json, ref int p, out double number)
    {
        number = 0;
        int start = p;
        bool negative = p < json.Length && json[p] == (byte)'-';
        if (negative)
        {
            p++;
        }

        int integerStart = p;
        if (p < json.Length && json[p] == (byte)'0')
        {
            p++;
        }
        else if (Digits(json, ref p) == 0)
        {
            return false;
        }

        // An integer of up to 18 digits (most numeric attributes: head counts, revenue, days) fits a long, whose
        // conversion rounds to the nearest double as the general parser does, without its general machinery.
        if (p - integerStart <= 18 && (p >= json.Length || json[p] is not ((byte)'.' or (byte)'e' or (byte)'E')))
        {
            long integer = 0;
            foreach (byte digit in json[integerStart..p])
            {
                integer = (integer * 10) + (digit - '0');
            }

            number = negative ? -(double)integer : integer; // "-0" is -0.0, as the general parser reads it
            return true;
        }

        if (p < json.Length && json[p] == (byte)'.')
        {
            p++;
            if (Digits(json, ref p) == 0)
            {
                return false;
            }
        }

        if (p < json.Length && (json[p] | 0x20) == (byte)'e')
        {
            p++;
            if (p < json.Length && json[p] is (byte)'+' or (byte)'-')
            {
                p++;
            }

            if (Digits(json, ref p) == 0)
            {
                return false;
            }
        }

        return double.TryParse(json[start..p], NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }

    private static int Digits(ReadOnlySpan<byte> json, ref int p)
    {
        int start = p;
        while (p < json.Length && char.IsAsciiDigit((char)json[p]))
        {
            p++;
        }

        return p - start;
    }

    /// <summary>An ISO 8601 instant with its offset, as the strict parser reads it (at most 64 characters: it reads no longer timestamp).</summary>
    private static bool TryParseInstant(ReadOnlySpan<byte> text, out DateTimeOffset instant)
    {
        instant = default;
        return text.Length <= MaxTimestampLength && Iso8601.TryParse(text, out instant);
    }

    /// <summary>The same, as UTC ticks and the offset in minutes (an activity's instant, which scoring reads as ticks).</summary>
    private static bool TryParseInstant(ReadOnlySpan<byte> text, out long utcTicks, out int offsetMinutes)
    {
        utcTicks = 0;
        offsetMinutes = 0;
        return text.Length <= MaxTimestampLength && Iso8601.TryParse(text, out utcTicks, out offsetMinutes);
    }

    /// <summary>A string without escapes or control characters whose bytes are valid UTF-8: its bytes between the quotes.</summary>
    private static bool TryReadString(ReadOnlySpan<byte> json, ref int p, out ReadOnlySpan<byte> value) => TryReadString(json, ref p, out value, out _);

    /// <summary>The same, and whether the string is ASCII.</summary>
    private static bool TryReadString(ReadOnlySpan<byte> json, ref int p, out ReadOnlySpan<byte> value, out bool ascii)
    {
        value = default;
        ascii = true;
        SkipWhitespace(json, ref p);
        if (p >= json.Length || json[p] != (byte)'"')
        {
            return false;
        }

        var rest = json[(p + 1)..];
        int length = IndexOfAsciiStringStop(rest);
        if (length >= 0 && rest[length] >= 0x80)
        {
            ascii = false;
            int more = rest[length..].IndexOfAny(StringStops);
            length = more < 0 ? -1 : length + more;
        }

        if (length < 0 || rest[length] != (byte)'"')
        {
            return false;
        }

        value = rest[..length];
        p += length + 2;
        return ascii || Utf8.IsValid(value);
    }

    /// <summary>
    /// <c>IndexOfAny(AsciiStringStops)</c>, with the first 32 bytes tested inline: the strings of a lead (types,
    /// timestamps, tags, names) are nearly all shorter, and the general search costs a call and its setup each time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexOfAsciiStringStop(ReadOnlySpan<byte> rest)
    {
        if (!Vector256.IsHardwareAccelerated || rest.Length < Vector256<byte>.Count)
        {
            return rest.IndexOfAny(AsciiStringStops);
        }

        var bytes = Vector256.Create(rest);

        // Outside 0x20..0x7F (control characters and non-ASCII bytes) is one unsigned comparison after a shift.
        var stops = Vector256.GreaterThan(bytes - Vector256.Create((byte)0x20), Vector256.Create((byte)0x5F))
            | Vector256.Equals(bytes, Vector256.Create((byte)'"'))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\\'));
        uint found = stops.ExtractMostSignificantBits();
        if (found != 0)
        {
            return BitOperations.TrailingZeroCount(found);
        }

        int more = rest[Vector256<byte>.Count..].IndexOfAny(AsciiStringStops);
        return more < 0 ? -1 : Vector256<byte>.Count + more;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryLiteral(ReadOnlySpan<byte> json, ref int p, ReadOnlySpan<byte> literal)
    {
        SkipWhitespace(json, ref p);
        if (!json[p..].StartsWith(literal))
        {
            return false;
        }

        p += literal.Length;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Expect(ReadOnlySpan<byte> json, ref int p, byte token)
    {
        SkipWhitespace(json, ref p);
        if (p >= json.Length || json[p] != token)
        {
            return false;
        }

        p++;
        return true;
    }

    /// <summary>Whether the container ends here (then past its closing token); for an empty object or list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryEnd(ReadOnlySpan<byte> json, ref int p, byte close)
    {
        SkipWhitespace(json, ref p);
        if (p < json.Length && json[p] == close)
        {
            p++;
            return true;
        }

        return false;
    }

    /// <summary>After a member or item: past a comma (<paramref name="more"/>: another follows) or past <paramref name="close"/>; false at anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryNext(ReadOnlySpan<byte> json, ref int p, byte close, out bool more)
    {
        SkipWhitespace(json, ref p);
        more = p < json.Length && json[p] == (byte)',';
        if (!more && (p >= json.Length || json[p] != close))
        {
            return false;
        }

        p++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SkipWhitespace(ReadOnlySpan<byte> json, ref int p)
    {
        while (p < json.Length && json[p] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            p++;
        }
    }
}
