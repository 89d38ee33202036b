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
