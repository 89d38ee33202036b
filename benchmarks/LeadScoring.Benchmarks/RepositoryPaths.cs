namespace LeadScoring.Benchmarks;

/// <summary>Finds the repository from wherever BenchmarkDotNet runs the benchmarks.</summary>
public static class RepositoryPaths
{
    public static string? Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadScoring.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The Release build of the leadscore executable, if it exists.</summary>
    public static string? ReleaseCli()
    {
        string? root = Root();
        string? path = root is null ? null : Path.Combine(root, "src", "LeadScoring.Cli", "bin", "Release", "net10.0", OperatingSystem.IsWindows() ? "leadscore.exe" : "leadscore");
        return path is not null && File.Exists(path) ? path : null;
    }
}
