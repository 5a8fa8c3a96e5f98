namespace Kiln.Versioning.Tool;

/// <summary>
/// What the command line asked for. Options are spelled <c>--output json</c> or <c>--output=json</c>, and GitVersion's
/// <c>/output json</c>, <c>/showvariable NAME</c>, <c>/config PATH</c> work too, for scripts written for GitVersion.
/// An argument that starts with <c>/</c> but names no option (such as <c>/home/me/repo</c>) is the path.
/// </summary>
internal sealed record ToolOptions
{
    /// <summary>A folder inside the repository; the current folder when null.</summary>
    public string? Path { get; init; }

    public OutputFormat Output { get; init; } = OutputFormat.Json;

    /// <summary>The one variable to print, or null to print them all.</summary>
    public string? ShowVariable { get; init; }

    /// <summary>A configuration file to use instead of the GitVersion.yml found.</summary>
    public string? ConfigurationFile { get; init; }

    /// <summary>Whether errors show their stack trace.</summary>
    public bool Verbose { get; init; }

    public bool Help { get; init; }

    /// <exception cref="UsageException">An unknown option, a missing or bad value, or a second path.</exception>
    public static ToolOptions Parse(IReadOnlyList<string> arguments)
    {
        var options = new ToolOptions();
        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            if (!TryReadOption(argument, out var name, out var inlineValue))
            {
                options = options.Path is null
                    ? options with { Path = argument }
                    : throw new UsageException($"Only one path may be given, but got '{options.Path}' and '{argument}'.");
                continue;
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (index + 1 >= arguments.Count)
                {
                    throw new UsageException($"{argument} needs a value.");
                }

                return arguments[++index];
            }

            options = name switch
            {
                "help" or "h" or "?" => options with { Help = true },
                "output" => options with { Output = ParseOutput(Value()) },
                "show-variable" or "showvariable" => options with { ShowVariable = Value() },
                "config" => options with { ConfigurationFile = Value() },
                "verbosity" => options with { Verbose = ParseVerbosity(Value()) },
                "targetpath" => options.Path is null ? options with { Path = Value() } : throw new UsageException($"Only one path may be given, but got '{options.Path}' and {argument}."),

                // GitVersion flags that scripts pass; kiln-version never fetches, caches or normalizes, so they change nothing.
                "nofetch" or "nocache" or "nonormalize" => options,
                _ => throw new UsageException($"Unknown option '{argument}'."),
            };
        }

        return options;
    }

    /// <summary>Splits "--name", "--name=value", "-h" or a known "/name" into its name (lower case) and inline value.</summary>
    private static bool TryReadOption(string argument, out string name, out string? inlineValue)
    {
        inlineValue = null;
        if (argument.StartsWith("--", StringComparison.Ordinal) && argument.Length > 2)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            name = (equals < 0 ? argument[2..] : argument[2..equals]).ToLowerInvariant();
            inlineValue = equals < 0 ? null : argument[(equals + 1)..];
            return true;
        }

        if (argument.Length == 2 && argument[0] == '-')
        {
            name = argument[1..].ToLowerInvariant();
            return true;
        }

        // GitVersion's spelling, but only for its names: any other /text is a path on Unix.
        name = argument.Length > 1 && argument[0] == '/' ? argument[1..].ToLowerInvariant() : string.Empty;
        return name is "output" or "showvariable" or "config" or "help" or "?" or "verbosity" or "targetpath" or "nofetch" or "nocache" or "nonormalize";
    }

    private static OutputFormat ParseOutput(string value) => value.ToLowerInvariant() switch
    {
        "json" => OutputFormat.Json,
        "dotenv" => OutputFormat.DotEnv,
        _ => throw new UsageException($"Unknown output '{value}': use json or dotenv."),
    };

    private static bool ParseVerbosity(string value) => value.ToLowerInvariant() switch
    {
        "quiet" or "minimal" or "normal" => false,
        "verbose" or "detailed" or "diagnostic" => true,
        _ => throw new UsageException($"Unknown verbosity '{value}': use quiet, normal or verbose."),
    };
}
