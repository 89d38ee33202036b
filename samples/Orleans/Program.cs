using LeadScoring.Samples.Orleans;

// One silo on localhost (a real cluster names its clustering provider, grain storage and reminder table).
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo
    .UseLocalhostClustering()
    .AddLeadGrains(
        rules => builder.Configuration.GetSection("LeadScoring").Bind(rules),
        grains => builder.Configuration.GetSection("LeadGrains").Bind(grains)));

var app = builder.Build();
app.MapLeadEndpoints();
await app.RunAsync();
