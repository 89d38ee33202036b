using System.Text.Json;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Conformance;

/// <summary>One scoring case of ../shared/conformance: rules.json, leads.jsonl, case.json, expected.jsonl.</summary>
public sealed class ConformanceCase
{
    private ConformanceCase(string directory)
    {
        Directory = directory;
        using var caseJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "case.json")));
        AsOf = DateTimeOffset.Parse(caseJson.RootElement.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Explain = caseJson.RootElement.TryGetProperty("explain", out var explain) && explain.GetBoolean();
    }

    public string Directory { get; }

    public string Name => Path.GetFileName(Directory);

    public DateTimeOffset AsOf { get; }

    public bool Explain { get; }

    public string RulesPath => Path.Combine(Directory, "rules.json");

    public string LeadsPath => Path.Combine(Directory, "leads.jsonl");

    public string ExpectedPath => Path.Combine(Directory, "expected.jsonl");

    /// <summary>Every scoring case, by directory name (the shared folder must exist: no cases is a failure, not a pass).</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (string dir in System.IO.Directory.GetDirectories(TestPaths.Conformance).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "case.json")))
            {
                names.Add(Path.GetFileName(dir));
            }
        }

        return names;
    }

    public static ConformanceCase Load(string name) => new(Path.Combine(TestPaths.Conformance, name));

    public static IEnumerable<string> NonBlankLines(string path) =>
        File.ReadLines(path).Where(line => !string.IsNullOrWhiteSpace(line));
}
