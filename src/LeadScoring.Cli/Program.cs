using LeadScoring.Cli;

return CommandLine.Run(args, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Out, Console.Error, TimeProvider.System);
