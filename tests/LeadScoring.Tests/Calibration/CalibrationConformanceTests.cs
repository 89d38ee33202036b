using System.Text.Json;
using LeadScoring.Calibration;
using LeadScoring.Tests.Conformance;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Calibration;

/// <summary>Every <c>calibrate</c> case of the shared folders, through the library.</summary>
public sealed class CalibrationConformanceTests
{
    public static TheoryData<string> Cases => ConformanceCase.Names("calibrate");

    [Fact]
    public void There_are_calibrate_cases() => Assert.NotEmpty(Cases);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Library_report_and_rule_sets_match_the_expected_ones(string name)
    {
        var testCase = ConformanceCase.Load(name);
        var report = ScoringModel.FromFile(testCase.RulesPath).Calibrate(ReadLeads(testCase.LeadsPath), CalibrationOptionsOf(testCase));

        AssertCovers(Path.Combine(testCase.Directory, "expected-report.json"), report.ToJson(), name);
        string suggest = Path.Combine(testCase.Directory, "expected-suggest.json");
        if (File.Exists(suggest))
        {
            AssertCovers(suggest, report.SuggestedJson!, name + " suggest");
            AssertCovers(Path.Combine(testCase.Directory, "expected-calibrated.json"), report.CalibratedJson!, name + " calibrated");
            Assert.Equal(ScoringModel.FromJson(report.SuggestedJson!), report.SuggestedModel);
        }
        else
        {
            Assert.Null(report.SuggestedJson);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cli_report_and_rule_sets_match_the_expected_ones(string name)
    {
        var testCase = ConformanceCase.Load(name);
        using var folder = new TemporaryFolder();
        var o = testCase.Options;
        bool suggests = File.Exists(Path.Combine(testCase.Directory, "expected-suggest.json"));
        List<string> args =
        [
            "calibrate", "--rules", testCase.RulesPath, "--input", testCase.LeadsPath, "--output", folder.File("report.json"),
            "--lead-time-days", o.GetProperty("leadTimeDays").GetRawText(), "--l2", o.GetProperty("l2").GetRawText(),
            "--points-to-double-odds", o.GetProperty("pointsToDoubleOdds").GetRawText(),
        ];
        if (o.GetProperty("holdout").ValueKind != JsonValueKind.Null)
        {
            args.AddRange(["--holdout", o.GetProperty("holdout").GetRawText()]);
        }

        if (suggests)
        {
            args.AddRange(["--suggest", folder.File("suggest.json"), "--calibrated", folder.File("calibrated.json")]);
        }

        var error = new StringWriter();
        int exit = LeadScoring.Cli.CommandLine.Run([.. args], Stream.Null, Stream.Null, TextWriter.Null, error, TimeProvider.System);
        Assert.True(exit == 0, error.ToString());
        Assert.Contains("AUC score", error.ToString(), StringComparison.Ordinal);
        AssertCovers(Path.Combine(testCase.Directory, "expected-report.json"), File.ReadAllText(folder.File("report.json")), name);
        if (suggests)
        {
            AssertCovers(Path.Combine(testCase.Directory, "expected-suggest.json"), File.ReadAllText(folder.File("suggest.json")), name + " suggest");
            AssertCovers(Path.Combine(testCase.Directory, "expected-calibrated.json"), File.ReadAllText(folder.File("calibrated.json")), name + " calibrated");
        }
    }

    public static CalibrationOptions CalibrationOptionsOf(ConformanceCase testCase)
    {
        var o = testCase.Options;
        return new CalibrationOptions
        {
            LeadTimeDays = o.GetProperty("leadTimeDays").GetDouble(),
            Holdout = o.GetProperty("holdout").ValueKind == JsonValueKind.Null ? null : o.GetProperty("holdout").GetDouble(),
            L2 = o.GetProperty("l2").GetDouble(),
            PointsToDoubleOdds = o.GetProperty("pointsToDoubleOdds").GetDouble(),
        };
    }

    public static IEnumerable<Lead> ReadLeads(string path) => ConformanceCase.NonBlankLines(path).Select(LeadJson.Parse);

    internal static void AssertCovers(string expectedPath, string actualJson, string name)
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(expectedPath));
        using var actual = JsonDocument.Parse(actualJson);
        JsonAssert.Covers(expected.RootElement, actual.RootElement, name + ": $");
    }
}
