namespace LeadScoring.Samples.Orleans;

/// <summary>The sample's host: one silo on localhost with the lead grains, and their HTTP endpoints.</summary>
public static class LeadApp
{
    /// <summary>Builds the host from command-line arguments and configuration (sections <c>LeadScoring</c> and <c>LeadGrains</c>).</summary>
    /// <param name="args">The command-line arguments (e.g. <c>--urls</c>, <c>--LeadScoring:RuleSetPath</c>).</param>
    /// <returns>The application, not started.</returns>
    public static WebApplication Create(string[] args)
    {
        // One silo on localhost; a real cluster names its clustering provider, grain storage and reminder table.
        var builder = WebApplication.CreateBuilder(args);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .AddLeadGrains(
                builder.Configuration.GetSection("LeadScoring"),
                grains => builder.Configuration.GetSection("LeadGrains").Bind(grains)));

        var app = builder.Build();
        app.MapLeadEndpoints();
        return app;
    }
}
