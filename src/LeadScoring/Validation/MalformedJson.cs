using System.Text;
using System.Text.Json;

namespace LeadScoring.Validation;

/// <summary>
/// Turns a syntax error of the JSON parser into a rule-set error: the path the reader had reached, the 1-based
/// line and column, and the parser's reason without its internal details.
/// </summary>
internal static class MalformedJson
{
    public static RuleSetError ToError(ReadOnlySpan<byte> utf8, JsonException ex, int maxDepth)
    {
        int line = (int)(ex.LineNumber ?? 0);
        long bytePosition = ex.BytePositionInLine ?? 0;
        int lineStart = 0;
        for (int l = 0; l < line && lineStart < utf8.Length; l++)
        {
            int next = utf8[lineStart..].IndexOf((byte)'\n');
            lineStart = next < 0 ? utf8.Length : lineStart + next + 1;
        }

        int prefixLength = (int)Math.Min(bytePosition, utf8.Length - lineStart);
        int column = Encoding.UTF8.GetCharCount(utf8.Slice(lineStart, Math.Max(0, prefixLength))) + 1;
        string reason = utf8.IsEmpty || utf8.Trim(" \t\r\n"u8).IsEmpty ? "the file is empty; expected a JSON object" : Quoted.ParserReason(ex.Message);
        return new RuleSetError(PathAtError(utf8, maxDepth), "malformed JSON: " + reason, line + 1, column);
    }

    /// <summary>The JSON path of the innermost value the reader had reached before the syntax error.</summary>
    private static string PathAtError(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var walker = new JsonText.JsonPathWalker();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                walker.Visit(ref reader);
            }
        }
        catch (JsonException)
        {
            // Expected: the document is malformed; the walker says how far the reader got.
        }

        return walker.Path;
    }
}
