using System.Buffers;
using System.Text.Json;
using LeadScoring.Comparison;
using LeadScoring.Tests.Calibration;
using LeadScoring.Tests.Conformance;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Comparison;

/// <summary>Every <c>diff</c> case of the shared folders, through the library.</summary>
public sealed class ComparisonConformanceTests
{
    public static TheoryData<string> Cases => ConformanceCase.Names("diff");

    [Fact]
    public void There_are_diff_cases() => Assert.NotEmpty(Cases);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Library_report_and_changes_match_the_expected_ones(string name)
    {
        var testCase = ConformanceCase.Load(name);
        var current = ScoringModel.FromFile(testCase.RulesPath);
        var candidate = ScoringModel.FromFile(Path.Combine(testCase.Directory, "candidate.json"));
        var changes = new List<string>();
        var report = current.CompareWith(
            candidate,
            CalibrationConformanceTests.ReadLeads(testCase.LeadsPath),
            testCase.AsOf,
            OptionsOf(testCase),
            change =>
            {
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    change.WriteJson(writer);
                }

                changes.Add(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            });

        CalibrationConformanceTests.AssertCovers(Path.Combine(testCase.Directory, "expected-report.json"), report.ToJson(), name);
        AssertLines(Path.Combine(testCase.Directory, "expected-changes.jsonl"), changes, name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cli_report_and_changes_match_the_expected_ones(string name)
    {
        var testCase = ConformanceCase.Load(name);
        using var folder = new TemporaryFolder();
        var error = new StringWriter();
        int exit = LeadScoring.Cli.CommandLine.Run(
            [
                "diff", "--rules", testCase.RulesPath, "--candidate", Path.Combine(testCase.Directory, "candidate.json"),
                "--input", testCase.LeadsPath, "--as-of", testCase.AsOf.ToString("O"), "--output", folder.File("report.json"),
                "--changes", folder.File("changes.jsonl"), "--lead-time-days", testCase.Options.GetProperty("leadTimeDays").GetRawText(),
            ],
            Stream.Null,
            Stream.Null,
            TextWriter.Null,
            error,
            TimeProvider.System);
        Assert.True(exit == 0, error.ToString());
        CalibrationConformanceTests.AssertCovers(Path.Combine(testCase.Directory, "expected-report.json"), File.ReadAllText(folder.File("report.json")), name);
        AssertLines(Path.Combine(testCase.Directory, "expected-changes.jsonl"), ConformanceCase.NonBlankLines(folder.File("changes.jsonl")).ToList(), name);
    }

    public static ComparisonOptions OptionsOf(ConformanceCase testCase) =>
        new() { LeadTimeDays = testCase.Options.GetProperty("leadTimeDays").GetDouble() };

    internal static void AssertLines(string expectedPath, IReadOnlyList<string> actual, string name)
    {
        var expected = ConformanceCase.NonBlankLines(expectedPath).ToArray();
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            using var e = JsonDocument.Parse(expected[i]);
            using var a = JsonDocument.Parse(actual[i]);
            JsonAssert.Covers(e.RootElement, a.RootElement, $"{name} change {i + 1}: $");
        }
    }
}
