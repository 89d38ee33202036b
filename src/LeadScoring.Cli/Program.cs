using LeadScoring.Cli;

return Cli.Run(args, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Out, Console.Error, TimeProvider.System);
