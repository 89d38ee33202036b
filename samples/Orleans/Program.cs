using LeadScoring.Samples.Orleans;

await LeadApp.Create(args).RunAsync();
