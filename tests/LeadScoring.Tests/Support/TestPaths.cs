namespace LeadScoring.Tests.Support;

/// <summary>Finds the repository and the shared conformance cases beside it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary><c>../shared</c> next to the repository.</summary>
    public static string Shared => Path.Combine(RepositoryRoot, "..", "shared");

    /// <summary><c>../shared/conformance</c> next to the repository.</summary>
    public static string Conformance => Path.Combine(Shared, "conformance");

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadScoring.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LeadScoring.sln not found above " + AppContext.BaseDirectory);
    }
}
