namespace LeadScoring.Cli;

/// <summary>The exit codes of SPEC section 5.</summary>
internal static class ExitCode
{
    public const int Success = 0;
    public const int Invalid = 1;
    public const int Usage = 2;
    public const int GateFailed = 3;
}
