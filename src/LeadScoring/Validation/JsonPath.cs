using System.Globalization;

namespace LeadScoring.Validation;

/// <summary>Builds the JSON paths that errors name: <c>$</c>, <c>$.rules[3].when.op</c>, <c>$['odd name']</c>.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    /// <summary>The path of a property: dotted when the name is an identifier, bracketed and quoted otherwise.</summary>
    public static string Child(string path, string name)
    {
        bool simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
        return simple ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    /// <summary>The path of a list item.</summary>
    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";
}
