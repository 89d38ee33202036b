namespace LeadScoring.Cli;

/// <summary>Bad command-line usage (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
