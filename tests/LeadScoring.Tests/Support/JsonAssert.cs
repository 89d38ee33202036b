using System.Text.Json;

namespace LeadScoring.Tests.Support;

/// <summary>Compares JSON documents structurally, numbers within a tolerance (SPEC 3.6: 1e-6).</summary>
internal static class JsonAssert
{
    public const double Tolerance = 1e-6;

    /// <summary>Reports (calibrate, diff) agree when every number is within 1e-5.</summary>
    public const double ReportTolerance = 1e-5;

    /// <summary>The shared folders' report rule: every property of <paramref name="expected"/> present in <paramref name="actual"/> with the same value (numbers within 1e-5); extra properties allowed.</summary>
    public static void Covers(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind == JsonValueKind.Number)
        {
            Assert.True(actual.ValueKind == JsonValueKind.Number, $"{path}: expected a number, got {actual.ValueKind}");
            double e = expected.GetDouble(), a = actual.GetDouble();
            Assert.True(Math.Abs(e - a) <= ReportTolerance, $"{path}: expected {e}, got {a}");
            return;
        }

        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    Assert.True(actual.TryGetProperty(property.Name, out var value), $"{path}: missing property '{property.Name}'");
                    Covers(property.Value, value, $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}");
                for (int i = 0; i < expected.GetArrayLength(); i++)
                {
                    Covers(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.String:
                Assert.True(expected.GetString() == actual.GetString(), $"{path}: expected '{expected.GetString()}', got '{actual.GetString()}'");
                break;
        }
    }

    public static void Equivalent(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind == JsonValueKind.Number)
        {
            Assert.True(actual.ValueKind == JsonValueKind.Number, $"{path}: expected a number, got {actual.ValueKind}");
            double e = expected.GetDouble(), a = actual.GetDouble();
            Assert.True(Math.Abs(e - a) <= Tolerance, $"{path}: expected {e}, got {a}");
            return;
        }

        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                Assert.True(expectedNames.SequenceEqual(actualNames), $"{path}: expected properties [{string.Join(",", expectedNames)}], got [{string.Join(",", actualNames)}]");
                foreach (var property in expected.EnumerateObject())
                {
                    Equivalent(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}: {actual.GetRawText()}");
                for (int i = 0; i < expected.GetArrayLength(); i++)
                {
                    Equivalent(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), actual.GetString());
                break;
        }
    }
}
