using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LeadScoring.Validation;

/// <summary>
/// Writing helpers for rule-set JSON that must survive what a fluent builder may hold: a null where a value is
/// required is written as JSON <c>null</c>, and a non-finite number as the string <c>"NaN"</c> or <c>"Infinity"</c>,
/// so that reading the JSON back reports the problem at the right path instead of the writer throwing.
/// </summary>
internal static class LenientJsonWriter
{
    /// <summary>Indented, and non-ASCII text left readable: the canonical form of a rule set, and the reports.</summary>
    public static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line, non-ASCII text left readable: JSON Lines output and <c>ToString</c>.</summary>
    public static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What <paramref name="write"/> writes, as UTF-8.</summary>
    public static byte[] ToUtf8(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>What <paramref name="write"/> writes, on one line (for <c>ToString</c>).</summary>
    public static string ToLine(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(ToUtf8(Compact, write));

    public static void WriteStringOrNull(this Utf8JsonWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        w.WriteStringOrNullValue(value);
    }

    public static void WriteStringOrNullValue(this Utf8JsonWriter w, string? value)
    {
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteStringValue(value);
        }
    }

    public static void WriteOptionalString(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    public static void WriteFiniteNumber(this Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        w.WriteFiniteNumberValue(value);
    }

    public static void WriteOptionalNumber(this Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } number)
        {
            w.WriteFiniteNumber(name, number);
        }
    }

    /// <summary>JSON has no NaN or infinity: they are written as strings, which the reader rejects with "numbers must be finite".</summary>
    public static void WriteFiniteNumberValue(this Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    public static void WriteList<T>(this Utf8JsonWriter w, string name, IEnumerable<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        w.WritePropertyName(name);
        w.WriteListValue(items, writeItem);
    }

    public static void WriteListValue<T>(this Utf8JsonWriter w, IEnumerable<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(w, item);
        }

        w.WriteEndArray();
    }
}
