using System.Text.Json;
using LeadScoring.Samples.WebApi;
using Microsoft.Extensions.Options;

namespace LeadScoring.Tests.Hosting;

/// <summary>The web API sample starting up: a configuration typo stops it, a relative path is the content root's.</summary>
public sealed class WebApiSampleStartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("leadscore-web-start-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_mistyped_configuration_key_stops_start_up_and_suggests_the_right_one()
    {
        string path = Path.Combine(_directory, "rules.json");
        await File.WriteAllTextAsync(path, HostingTests.RuleSet("""{ "id": "a", "category": "demographic", "points": 10, "when": { "all": [] } }""", "1"));
        await using var app = ScoringApi.Create(["--urls", "http://127.0.0.1:0", "--LeadScoring:RuleSetFile", path]);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("unknown key 'RuleSetFile' (did you mean 'RuleSetPath'?)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_rule_set_path_is_found_under_the_content_root_from_any_working_directory()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "rules.json"), HostingTests.RuleSet("""{ "id": "a", "category": "demographic", "points": 10, "when": { "all": [] } }""", "7"));
        Assert.NotEqual(Path.GetFullPath(_directory), Path.GetFullPath(Directory.GetCurrentDirectory()));

        await using var app = ScoringApi.Create(["--urls", "http://127.0.0.1:0", "--contentRoot", _directory, "--LeadScoring:RuleSetPath", "rules.json"]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var status = JsonDocument.Parse(await client.GetStringAsync(new Uri("ruleset", UriKind.Relative))).RootElement;
        Assert.Equal("7", status.GetProperty("ruleSetVersion").GetString());
        Assert.Equal(Path.Combine(_directory, "rules.json"), status.GetProperty("source").GetString());
        await app.StopAsync();
    }
}
