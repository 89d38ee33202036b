using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Leads;

/// <summary>The public async JSON Lines reader and writer (the ones the CLI uses).</summary>
public sealed class LeadJsonLinesTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 50)]
    public async Task Leads_written_as_json_lines_read_back_as_the_same_leads(int seed)
    {
        var leads = RandomRuleSet.Leads(seed, 30, AsOf);
        using var stream = new MemoryStream();
        await using (var writer = new LeadJsonLinesWriter(stream, leaveOpen: true))
        {
            foreach (var lead in leads)
            {
                await writer.WriteLeadAsync(lead);
            }
        }

        stream.Position = 0;
        var read = new List<LeadLine>();
        await using (var reader = new LeadJsonLinesReader(stream, leaveOpen: true))
        {
            await foreach (var line in reader.ReadLeadsAsync())
            {
                read.Add(line);
            }
        }

        Assert.Equal(Enumerable.Range(1, leads.Count), read.Select(l => l.LineNumber));
        Assert.Equal(leads.Select(ToJson), read.Select(l => ToJson(l.Lead!)));
        Assert.All(read, l => Assert.Null(l.Problem));
    }

    [Fact]
    public async Task A_bad_line_is_reported_with_its_number_and_reading_goes_on()
    {
        // A byte order mark, CRLF line ends, a blank line, a bad lead, a last line without a line break.
        byte[] input = Encoding.UTF8.GetBytes("\uFEFF{\"id\":\"a\"}\r\n\r\n{\"id\":\"b\",\"extra\":1}\n   \n{\"id\":\"c\"}");
        var lines = await ReadAll(new MemoryStream(input));
        Assert.Equal([1, 3, 5], lines.Select(l => l.LineNumber));
        Assert.Equal("a", lines[0].Lead!.Id);
        Assert.Null(lines[1].Lead);
        Assert.Contains("extra", lines[1].Problem, StringComparison.Ordinal);
        Assert.Equal("c", lines[2].Lead!.Id);
    }

    [Fact]
    public async Task A_line_longer_than_the_buffer_is_read_whole()
    {
        var lead = new Lead("long");
        for (int i = 0; i < 5_000; i++)
        {
            lead.AddActivity("page_view", AsOf.AddMinutes(-i), "/docs/" + i);
        }

        string json = ToJson(lead);
        Assert.True(json.Length > 200_000);
        var lines = await ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(json + "\n" + json)));
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(5_000, l.Lead!.Activities.Length));
    }

    [Fact]
    public async Task Reading_waits_for_the_stream_and_stops_when_canceled()
    {
        var pipe = new Pipe();
        using var cancel = new CancellationTokenSource();
        await using var reader = new LeadJsonLinesReader(pipe.Reader.AsStream());
        await using var lines = reader.ReadLeadsAsync(cancel.Token).GetAsyncEnumerator();

        var first = lines.MoveNextAsync();
        Assert.False(first.IsCompleted); // nothing written yet
        await pipe.Writer.WriteAsync("{\"id\":\"a\"}\n"u8.ToArray());
        Assert.True(await first);
        Assert.Equal("a", lines.Current.Lead!.Id);

        var second = lines.MoveNextAsync();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await second);
    }

    [Fact]
    public async Task Results_are_written_with_the_formats_names_one_per_line()
    {
        var model = ScoringModel.Default;
        var lead = LeadJson.Parse("""{"id":"L-1","attributes":{"jobTitle":"VP Sales","employees":300},"activities":[{"type":"pricing_page_view","at":"2026-06-10T00:00:00Z"}]}""");
        using var stream = new MemoryStream();
        await using (var writer = new LeadJsonLinesWriter(stream, leaveOpen: true))
        {
            await writer.WriteScoreAsync(lead.Id, model.Score(lead, AsOf));
            await writer.WriteExplanationAsync(lead.Id, model.Explain(lead, AsOf));
            await writer.WriteChangeAsync(lead.Id, model.ExplainChange(lead, AsOf.AddDays(-3), AsOf), explanation: null);
            Assert.Equal(0, stream.Length); // buffered until flushed
            await writer.FlushAsync();
            Assert.NotEqual(0, stream.Length);
        }

        Assert.True(stream.CanRead, "leaveOpen keeps the stream open");
        string[] lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal(string.Empty, lines[3]);
        Assert.Equal(Expected(w => LeadScoreJson.WriteResult(w, lead.Id, model.Score(lead, AsOf))), lines[0]);
        Assert.Equal(Expected(w => LeadScoreJson.WriteResult(w, lead.Id, model.Explain(lead, AsOf))), lines[1]);
        using var change = JsonDocument.Parse(lines[2]);
        Assert.True(change.RootElement.TryGetProperty("since", out _));
        Assert.True(change.RootElement.TryGetProperty("changes", out _));
    }

    [Fact]
    public async Task Disposing_writes_the_rest_and_closes_the_stream_unless_left_open()
    {
        var stream = new MemoryStream();
        var writer = new LeadJsonLinesWriter(stream);
        await writer.WriteLeadAsync(new Lead("x"));
        await writer.DisposeAsync();
        Assert.False(stream.CanRead);
        Assert.Equal("{\"id\":\"x\",\"attributes\":{},\"activities\":[]}\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static async Task<List<LeadLine>> ReadAll(Stream stream)
    {
        var lines = new List<LeadLine>();
        await using var reader = new LeadJsonLinesReader(stream);
        await foreach (var line in reader.ReadLeadsAsync())
        {
            lines.Add(line);
        }

        return lines;
    }

    private static string ToJson(Lead lead) => Expected(w => LeadJson.Write(w, lead));

    private static string Expected(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
