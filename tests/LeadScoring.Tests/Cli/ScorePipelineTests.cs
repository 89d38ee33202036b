using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LeadScoring.Cli;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Cli;

/// <summary><c>score</c> runs batches on every core: output order, error order and streaming must not notice.</summary>
public sealed class ScorePipelineTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Many_batches_keep_input_order_and_report_errors_in_line_order()
    {
        var leads = RandomRuleSet.Leads(11, 12_000, AsOf);
        var model = ScoringModel.FromJson(RandomRuleSet.Create(11).Json);
        var input = new StringBuilder();
        var expected = new List<string>();
        var expectedErrors = new List<int>();
        for (int i = 0; i < leads.Count; i++)
        {
            if (i % 997 == 5)
            {
                input.Append("{\"id\":\"bad\",\"oops\":1}\n");
                expectedErrors.Add(input.ToString().Count(c => c == '\n'));
                continue;
            }

            input.Append(ToJson(leads[i])).Append(i % 3 == 0 ? "\r\n\n" : "\n");
            expected.Add(leads[i].Id + ":" + model.Score(leads[i], AsOf).Score.ToString("R", CultureInfo.InvariantCulture));
        }

        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("rules.json"), RandomRuleSet.Create(11).Json);
        var stdout = new MemoryStream();
        var error = new StringWriter();
        int exit = CommandLine.Run(["score", "--rules", folder.File("rules.json"), "--as-of", AsOf.ToString("O")], new MemoryStream(Encoding.UTF8.GetBytes("\uFEFF" + input.ToString().TrimEnd('\n'))), stdout, TextWriter.Null, error, TimeProvider.System);

        // (A byte order mark first and no line break after the last lead: neither is part of a lead.)
        Assert.Equal(1, exit);
        var actual = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => e.GetProperty("id").GetString() + ":" + e.GetProperty("score").GetDouble().ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal(expected, actual);
        Assert.Equal(expectedErrors, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l.Split(':')[1], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_host_that_writes_one_lead_and_waits_gets_its_score_before_closing_the_input()
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "leadscore.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "score", "--rules", "default", "--as-of", "2026-11-01T00:00:00Z"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            foreach (string id in new[] { "first", "second" })
            {
                await process.StandardInput.WriteLineAsync($$"""{"id":"{{id}}"}""");
                await process.StandardInput.FlushAsync();
                string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.StartsWith($$"""{"id":"{{id}}",""", line, StringComparison.Ordinal);
            }
        }
        finally
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(0, process.ExitCode);
    }

    private static string ToJson(Lead lead)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", lead.Id);
            writer.WriteStartObject("attributes");
            foreach (var attribute in lead.Attributes)
            {
                switch (attribute.Value.Kind)
                {
                    case AttributeKind.String:
                        writer.WriteString(attribute.Name, attribute.Value.StringValue);
                        break;
                    case AttributeKind.Number:
                        writer.WriteNumber(attribute.Name, attribute.Value.NumberValue);
                        break;
                    case AttributeKind.Boolean:
                        writer.WriteBoolean(attribute.Name, attribute.Value.BooleanValue);
                        break;
                    default:
                        writer.WriteNull(attribute.Name);
                        break;
                }
            }

            writer.WriteEndObject();
            writer.WriteStartArray("activities");
            foreach (var activity in lead.Activities)
            {
                writer.WriteStartObject();
                writer.WriteString("type", activity.Type);
                writer.WriteString("at", activity.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));
                if (activity.Tag is not null)
                {
                    writer.WriteString("tag", activity.Tag);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
