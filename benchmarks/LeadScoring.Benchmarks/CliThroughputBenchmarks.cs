using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LeadScoring.Cli;

namespace LeadScoring.Benchmarks;

/// <summary>
/// <c>leadscore score --rules default</c> on JSON Lines in memory (16 MB of synthetic leads, 40 activities on
/// average), through the tool's own pipeline (read runs of whole lines, parse and score them in parallel batches, write in order),
/// against the floor the issue set: one single-threaded <see cref="Utf8JsonReader"/> pass over the same bytes.
/// The MB/s column is input megabytes per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Throughput))]
public class CliThroughputBenchmarks
{
    private const int TargetBytes = 16_000_000;

    // Deterministic, so that the report's process (which makes the MB/s column) and the benchmark's agree on its size.
    private static readonly Lazy<byte[]> Input = new(CreateInput);
    private byte[] _input = null!;
    private ScoringModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = ScoringModel.Default;
        _input = Input.Value;
    }

    [Benchmark(Baseline = true)]
    public int ParseOnlyFloor()
    {
        var reader = new Utf8JsonReader(_input, new JsonReaderOptions { AllowMultipleValues = true });
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark]
    public int ScoreCommand()
    {
        var pipeline = new ScorePipeline(_model, SyntheticLeads.AsOf, since: null, explain: false, text: null, inputName: "bench.jsonl");
        return pipeline.Run(new LeadJsonLinesReader(new MemoryStream(_input, writable: false)), Stream.Null, TextWriter.Null);
    }

    private static byte[] CreateInput()
    {
        using var buffer = new MemoryStream();
        using (var writer = new LeadJsonLinesWriter(buffer, leaveOpen: true))
        {
            for (int seed = 0; buffer.Length < TargetBytes; seed++)
            {
                foreach (var lead in SyntheticLeads.Create(1_000, 40, seed))
                {
                    writer.WriteLeadAsync(lead).AsTask().GetAwaiter().GetResult();
                }

                writer.FlushAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        return buffer.ToArray();
    }

    private sealed class Throughput : ManualConfig
    {
        public Throughput() => AddColumn(new ThroughputColumn(() => Input.Value.Length));
    }
}
