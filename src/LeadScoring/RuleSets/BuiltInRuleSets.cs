namespace LeadScoring.RuleSets;

/// <summary>The rule sets shipped inside the package, as embedded JSON resources named <c>LeadScoring.RuleSets.NAME.json</c>.</summary>
internal static class BuiltInRuleSets
{
    public const string DefaultName = "default";

    public static IReadOnlyList<string> Names { get; } = [DefaultName];

    /// <summary>The JSON of a built-in rule set.</summary>
    /// <exception cref="ArgumentException">No built-in rule set has that name.</exception>
    public static byte[] Read(string name)
    {
        if (!Names.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"There is no built-in rule set '{name}'; built in: {string.Join(", ", Names)}.", nameof(name));
        }

        using var stream = typeof(BuiltInRuleSets).Assembly.GetManifestResourceStream($"LeadScoring.RuleSets.{name}.json")
            ?? throw new InvalidOperationException($"The built-in rule set '{name}' is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
