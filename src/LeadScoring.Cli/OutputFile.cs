namespace LeadScoring.Cli;

/// <summary>
/// An output file written whole or not at all: writes go to a hidden temporary file beside it, which
/// <see cref="Commit"/> moves into place; disposing without committing deletes it, whatever went wrong.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    // Temporary files not yet moved into place, for the signal handler (Ctrl+C, SIGTERM) to delete.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Uncommitted = new(StringComparer.Ordinal);

    private readonly string _path;
    private readonly string _temporaryPath;
    private FileStream? _stream;
    private bool _committed;

    private OutputFile(string path)
    {
        _path = path;
        string full = Path.GetFullPath(path);
        _temporaryPath = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            _stream = new FileStream(_temporaryPath, FileMode.CreateNew, FileAccess.Write);
            Uncommitted.TryAdd(_temporaryPath, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write output '{path}': {ex.Message}");
        }
    }

    /// <summary>Where to write; closed by <see cref="Commit"/>.</summary>
    public Stream Stream => _stream ?? throw new ObjectDisposedException(_path);

    /// <summary>Starts writing <paramref name="path"/>.</summary>
    /// <exception cref="UsageException">The file cannot be created.</exception>
    public static OutputFile Create(string path) => new(path);

    /// <summary>Closes the temporary file and moves it to the path asked for.</summary>
    public void Commit()
    {
        _stream?.Dispose();
        _stream = null;
        File.Move(_temporaryPath, _path, overwrite: true);
        _committed = true;
        Uncommitted.TryRemove(_temporaryPath, out _);
    }

    /// <summary>Deletes every temporary file not yet moved into place: the process is being stopped.</summary>
    public static void DeleteUncommitted()
    {
        foreach (string path in Uncommitted.Keys)
        {
            try
            {
                File.Delete(path); // Unix deletes a file still open for writing; elsewhere this is best effort
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort while stopping.
            }
        }
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        if (!_committed && File.Exists(_temporaryPath))
        {
            File.Delete(_temporaryPath);
        }

        Uncommitted.TryRemove(_temporaryPath, out _);
    }
}
