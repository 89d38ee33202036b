using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace LeadScoring.Validation;

/// <summary>
/// Where JSON that parses is still not text: a string or property name holding invalid UTF-8 bytes or an
/// unpaired surrogate escape (<c>"\udfff"</c>). System.Text.Json accepts both while parsing and throws
/// <see cref="InvalidOperationException"/> only when the string is read, so readers call <see cref="FindInvalidString"/>
/// when that happens (a cold path) to turn it into an error with a path, a line and a column.
/// </summary>
internal static class JsonText
{
    /// <summary>The message for such a string.</summary>
    public const string InvalidStringMessage = "invalid text: a string or property name is not valid UTF-8 or has an unpaired surrogate escape such as \\udfff";

    /// <summary>The first invalid string of <paramref name="utf8"/> (a document that parses): its JSON path and 1-based line and column; null when there is none.</summary>
    public static (string Path, int Line, int Column)? FindInvalidString(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var walker = new JsonPathWalker();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && !IsValid(ref reader))
                {
                    if (reader.TokenType == JsonTokenType.PropertyName)
                    {
                        walker.Visit(ref reader); // the path ends at the invalid name
                    }

                    var (line, column) = LineAndColumn(utf8, (int)reader.TokenStartIndex);
                    return (walker.Path, line, column);
                }

                walker.Visit(ref reader);
            }
        }
        catch (JsonException)
        {
            // A syntax error after the strings read so far: not this method's to report.
        }

        return null;
    }

    /// <summary>Whether the current string token can be read as text.</summary>
    public static bool IsValid(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The current string token as text, or U+FFFD where it is not (for paths and messages only).</summary>
    public static string Lenient(ref Utf8JsonReader reader) =>
        IsValid(ref reader) ? reader.GetString()! : Encoding.UTF8.GetString(reader.HasValueSequence ? [] : reader.ValueSpan);

    /// <summary>The 1-based line and column (in characters) of byte <paramref name="offset"/>.</summary>
    public static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> utf8, int offset)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        var before = utf8[..offset];
        int line = before.Count((byte)'\n') + 1;
        int lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(utf8[lineStart..offset]) + 1);
    }

    /// <summary>Tracks the JSON path of the reader's position, one token at a time.</summary>
    internal sealed class JsonPathWalker
    {
        private readonly List<(bool IsArray, int Index, string? Property)> _frames = [];

        public void Visit(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    _frames[^1] = (false, -1, Lenient(ref reader));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    BumpIndex();
                    _frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    _frames.RemoveAt(_frames.Count - 1);
                    break;
                default:
                    BumpIndex();
                    break;
            }
        }

        /// <summary>The path of the innermost value visited.</summary>
        public string Path
        {
            get
            {
                string path = JsonPath.Root;
                foreach (var (isArray, index, property) in _frames)
                {
                    if (isArray && index >= 0)
                    {
                        path += "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                    }
                    else if (!isArray && property is not null)
                    {
                        path = JsonPath.Child(path, property);
                    }
                }

                return path;
            }
        }

        private void BumpIndex()
        {
            if (_frames.Count > 0 && _frames[^1].IsArray)
            {
                _frames[^1] = (true, _frames[^1].Index + 1, null);
            }
        }
    }
}
