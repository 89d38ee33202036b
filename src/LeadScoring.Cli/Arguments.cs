namespace LeadScoring.Cli;

/// <summary>A command's arguments: positional values and <c>--name value</c> / <c>--flag</c> options.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private Arguments(List<string> positional) => Positional = positional;

    public List<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/>; options in <paramref name="valued"/> take a value, those in <paramref name="flags"/> do not.</summary>
    public static Arguments Parse(ReadOnlySpan<string> args, string[] valued, string[] flags)
    {
        var result = new Arguments([]);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                result.Positional.Add(arg);
                continue;
            }

            string name = arg;
            string? value = null;
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }

            if (valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Length)
                    {
                        throw new UsageException($"{name} needs a value");
                    }

                    value = args[++i];
                }
            }
            else if (flags.Contains(name))
            {
                if (value is not null)
                {
                    throw new UsageException($"{name} takes no value");
                }
            }
            else
            {
                throw new UsageException($"unknown option {Quoted.Text(name)}{Suggestions.DidYouMean(name, [.. valued, .. flags])}");
            }

            if (!result._options.TryAdd(name, value))
            {
                throw new UsageException($"{name} given twice");
            }
        }

        return result;
    }

    public string? Value(string name) => _options.TryGetValue(name, out string? value) ? value : null;

    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>Throws unless there are no positional arguments (commands that take options only).</summary>
    public void RejectPositional()
    {
        if (Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{Positional[0]}'");
        }
    }
}
