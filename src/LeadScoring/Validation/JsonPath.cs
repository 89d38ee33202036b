using System.Globalization;

namespace LeadScoring.Validation;

/// <summary>Builds the JSON paths that errors name: <c>$</c>, <c>$.rules[3].when.op</c>, <c>$['odd name']</c>.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    private static readonly System.Buffers.SearchValues<char> IdentifierCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>The path of a property: dotted when the name is an identifier, bracketed and quoted otherwise (escaped, and cut when long: see <see cref="Quoted"/>).</summary>
    public static string Child(string path, string name)
    {
        bool simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && !name.AsSpan().ContainsAnyExcept(IdentifierCharacters);
        return simple && name.Length <= Quoted.MaxShown ? $"{path}.{name}" : $"{path}[{Quoted.Text(name)}]";
    }

    /// <summary>The path of a list item.</summary>
    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";
}
