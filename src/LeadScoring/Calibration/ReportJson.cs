using System.Text.Json;

namespace LeadScoring.Calibration;

/// <summary>What the calibration and comparison reports share when written: indented UTF-8, numbers unrounded, null for undefined.</summary>
internal static class ReportJson
{
    /// <summary>What a report's <c>WriteJson</c> writes, as a string.</summary>
    public static string ToText(Action<Stream> writeJson)
    {
        using var buffer = new MemoryStream();
        writeJson(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes <c>name: null</c> or <c>name: { ... }</c>.</summary>
    public static void WriteObjectOrNull<T>(this Utf8JsonWriter writer, string name, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        write(writer, value);
        writer.WriteEndObject();
    }
}
