using System.Reflection;

namespace LeadScoring.Cli;

/// <summary>The <c>leadscore</c> entry point, with its streams passed in so that tests can run it in-process.</summary>
internal static class CommandLine
{
    public static string Usage => CommandHelp.Overview;

    /// <summary>Runs one command line; returns the exit code.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="input">Standard input (leads).</param>
    /// <param name="output">Standard output (results and reports).</param>
    /// <param name="standardOutput">Standard output as text (help, version, validate).</param>
    /// <param name="error">Standard error (problems, summaries, progress).</param>
    /// <param name="clock">The clock for the default as-of instant.</param>
    /// <param name="errorIsTerminal">Whether standard error is a terminal: then long runs show their progress there.</param>
    /// <returns>The exit code of SPEC section 5.</returns>
    public static int Run(string[] args, Stream input, Stream output, TextWriter standardOutput, TextWriter error, TimeProvider clock, bool errorIsTerminal = false)
    {
        string? command = args.FirstOrDefault();
        try
        {
            if (command is "--version")
            {
                standardOutput.WriteLine($"leadscore {Version(typeof(CommandLine).Assembly)} (LeadScoring {Version(typeof(ScoringModel).Assembly)}, formats version 1.1)");
                return ExitCode.Success;
            }

            if (command is "--help" or "-h" or "help")
            {
                standardOutput.WriteLine(args.Length > 1 ? CommandHelp.For(args[1]) : CommandHelp.Overview);
                return ExitCode.Success;
            }

            if (command is not null && CommandHelp.Commands.Contains(command) && args.Skip(1).Any(a => a is "--help" or "-h"))
            {
                standardOutput.WriteLine(CommandHelp.For(command));
                return ExitCode.Success;
            }

            return command switch
            {
                "validate" => ValidateCommand.Run(args.AsSpan(1), standardOutput, error),
                "score" => ScoreCommand.Run(args.AsSpan(1), input, output, error, clock, errorIsTerminal),
                "calibrate" => CalibrateCommand.Run(args.AsSpan(1), input, output, error),
                "diff" => DiffCommand.Run(args.AsSpan(1), input, output, error, clock),
                null => throw new UsageException("no command given"),
                _ => throw new UsageException($"unknown command {Quoted.Text(command)}{Suggestions.DidYouMean(command, CommandHelp.Commands)}"),
            };
        }
        catch (UsageException ex)
        {
            error.WriteLine($"leadscore: {ex.Message}");
            error.WriteLine(command is not null && CommandHelp.Commands.Contains(command) ? CommandHelp.For(command) : CommandHelp.Overview);
            return ExitCode.Usage;
        }
        finally
        {
            error.Flush();
            standardOutput.Flush();
        }
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
