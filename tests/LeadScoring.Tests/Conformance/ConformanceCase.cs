using System.Globalization;
using System.Text.Json;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Conformance;

/// <summary>
/// One case of the shared conformance folders (<c>../shared/conformance</c>, version 1, and
/// <c>../shared/conformance-1.1</c>): a folder with <c>case.json</c> naming its command (<c>score</c> when absent)
/// and options, its inputs and its expected outputs. Cases are named by their path below <c>../shared</c>.
/// </summary>
public sealed class ConformanceCase
{
    /// <summary>The folders below <c>../shared</c> that hold cases.</summary>
    public static readonly string[] Roots = ["conformance", "conformance-1.1"];

    private ConformanceCase(string name)
    {
        Name = name;
        Directory = Path.Combine(TestPaths.Shared, name);
        using var caseJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "case.json")));
        Options = caseJson.RootElement.Clone();
        Command = Options.TryGetProperty("command", out var command) ? command.GetString()! : "score";
        AsOf = InstantOrNull("asOf") ?? default;
        Since = InstantOrNull("since");
        Explain = Options.TryGetProperty("explain", out var explain) && explain.GetBoolean();
    }

    public string Directory { get; }

    public string Name { get; }

    /// <summary><c>score</c>, <c>calibrate</c> or <c>diff</c>.</summary>
    public string Command { get; }

    /// <summary>The whole <c>case.json</c>.</summary>
    public JsonElement Options { get; }

    /// <summary>The case's as-of instant (<c>score</c>, <c>diff</c>).</summary>
    public DateTimeOffset AsOf { get; }

    public DateTimeOffset? Since { get; }

    public bool Explain { get; }

    public string RulesPath => Path.Combine(Directory, "rules.json");

    public string LeadsPath => Path.Combine(Directory, "leads.jsonl");

    public string ExpectedPath => Path.Combine(Directory, "expected.jsonl");

    /// <summary>Every case of <paramref name="command"/> in both folders (a missing folder is a failure, not a pass).</summary>
    public static TheoryData<string> Names(string command)
    {
        var names = new TheoryData<string>();
        foreach (string root in Roots)
        {
            foreach (string dir in System.IO.Directory.GetDirectories(Path.Combine(TestPaths.Shared, root)).Order(StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(dir, "case.json")) && Load($"{root}/{Path.GetFileName(dir)}").Command == command)
                {
                    names.Add($"{root}/{Path.GetFileName(dir)}");
                }
            }
        }

        return names;
    }

    /// <summary>Every invalid rule set of both folders, as <c>ROOT/invalid/NAME</c>.</summary>
    public static TheoryData<string> InvalidNames()
    {
        var names = new TheoryData<string>();
        foreach (string root in Roots)
        {
            foreach (string file in System.IO.Directory.GetFiles(Path.Combine(TestPaths.Shared, root, "invalid"), "*.json").Order(StringComparer.Ordinal))
            {
                names.Add($"{root}/invalid/{Path.GetFileNameWithoutExtension(file)}");
            }
        }

        return names;
    }

    public static ConformanceCase Load(string name) => new(name);

    public static IEnumerable<string> NonBlankLines(string path) =>
        File.ReadLines(path).Where(line => !string.IsNullOrWhiteSpace(line));

    private DateTimeOffset? InstantOrNull(string property) =>
        Options.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : null;
}
