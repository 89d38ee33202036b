using System.Globalization;
using System.Text;

namespace LeadScoring.Validation;

/// <summary>
/// The message policy, in one place: a value from the input appears in a message escaped (no control character, so
/// every error is one line) and cut to a short prefix that says how long the value was, so that a 10 MB string in
/// a rule set gives a 100-byte message, not a 10 MB one.
/// </summary>
internal static class Quoted
{
    /// <summary>The longest part of a value a message shows.</summary>
    public const int MaxShown = 40;

    /// <summary><c>'value'</c>, escaped; a longer value as <c>'prefix...' (N characters)</c>.</summary>
    public static string Text(string value) => value.Length <= MaxShown
        ? $"'{Escape(value)}'"
        : string.Create(CultureInfo.InvariantCulture, $"'{Escape(value[..MaxShown])}...' ({value.Length} characters)");

    /// <summary>Raw JSON text (a number's digits, a string with its quotes) escaped, and cut like <see cref="Text"/>, unquoted.</summary>
    public static string Raw(string raw) => raw.Length <= MaxShown
        ? Escape(raw, quotes: false)
        : string.Create(CultureInfo.InvariantCulture, $"{Escape(raw[..MaxShown], quotes: false)}... ({raw.Length} characters)");

    /// <summary>
    /// A System.Text.Json syntax error's reason, without its internal position suffix and with the input it echoes
    /// (<c>'f\r\nalse, ...' is an invalid JSON literal</c>, unbounded) quoted like any other value.
    /// </summary>
    public static string ParserReason(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string reason = (cut >= 0 ? message[..cut] : message).Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal).Trim();
        int echoEnd = reason.StartsWith('\'') ? reason.LastIndexOf("' is ", StringComparison.Ordinal) : -1;
        if (echoEnd > 0)
        {
            reason = Text(reason[1..echoEnd]) + reason[(echoEnd + 1)..];
        }

        return OneLine(reason.Length <= 4 * MaxShown ? reason : reason[..(4 * MaxShown)] + "...");
    }

    /// <summary>A whole message on one line: control characters escaped (a safety net under every error).</summary>
    public static string OneLine(string message)
    {
        foreach (char c in message)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return Escape(message, quotes: false);
            }
        }

        return message;
    }

    private static string Escape(string value, bool quotes = true)
    {
        StringBuilder? escaped = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            string? replacement = c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\\' when quotes => "\\\\",
                '\'' when quotes => "\\'",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' || char.IsSurrogate(c) && !IsPair(value, i) =>
                    "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (replacement is null)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(value, 0, i, value.Length + 16);
            escaped.Append(replacement);
        }

        return escaped?.ToString() ?? value;
    }

    private static bool IsPair(string value, int i) =>
        char.IsHighSurrogate(value[i]) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) : i > 0 && char.IsHighSurrogate(value[i - 1]);
}
