using LeadScoring.Samples.WebApi;

await ScoringApi.Create(args).RunAsync();
