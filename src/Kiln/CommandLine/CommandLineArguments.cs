using Kiln.Parameters;

namespace Kiln.CommandLine;

/// <summary>
/// The command line split into positional targets and <c>--options</c> with their values.
/// Targets come first; each <c>--name</c> takes the words after it up to the next option
/// (none for a flag, several for an array). <c>--name=value</c> also works.
/// </summary>
internal sealed class CommandLineArguments
{
    private readonly List<string> targets;

    private CommandLineArguments(List<string> targets, IReadOnlyDictionary<string, Option> options)
    {
        this.targets = targets;
        Options = options;
    }

    public IReadOnlyList<string> Targets => targets;

    /// <summary>The options by normalized name (letters and digits, lower case).</summary>
    public IReadOnlyDictionary<string, Option> Options { get; }

    public static CommandLineArguments Parse(IReadOnlyList<string> arguments)
    {
        var targets = new List<string>();
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        Option? current = null;
        foreach (var argument in arguments)
        {
            if (argument is "-h" or "-?" or "/?")
            {
                current = Add(options, "help", "--help");
            }
            else if (argument.StartsWith("--", StringComparison.Ordinal) && argument.Length > 2)
            {
                var equals = argument.IndexOf('=', StringComparison.Ordinal);
                var spelling = equals > 0 ? argument[..equals] : argument;
                current = Add(options, spelling[2..], spelling);
                if (equals > 0)
                {
                    current.Values.Add(argument[(equals + 1)..]);
                }
            }
            else if (argument.StartsWith('-') && argument.Length > 1 && !char.IsDigit(argument[1]))
            {
                throw new KilnException($"Unknown switch '{argument}': parameters take two dashes, like --{argument.TrimStart('-')}.");
            }
            else if (current is null)
            {
                targets.Add(argument);
            }
            else
            {
                current.Values.Add(argument);
            }
        }

        return new CommandLineArguments(targets, options);
    }

    /// <summary>
    /// A flag takes at most one true/false word; the words after it are targets again, so that
    /// <c>--plan UnitTest</c> plans UnitTest.
    /// </summary>
    public void ReleaseFlagValues(Func<string, bool> isFlag)
    {
        foreach (var (name, option) in Options)
        {
            if (!isFlag(name) || option.Values.Count == 0)
            {
                continue;
            }

            var keep = IsBooleanWord(option.Values[0]) ? 1 : 0;
            targets.AddRange(option.Values.Skip(keep));
            option.Values.RemoveRange(keep, option.Values.Count - keep);
        }
    }

    private static bool IsBooleanWord(string value) =>
        value.ToLowerInvariant() is "true" or "false" or "1" or "0" or "yes" or "no" or "on" or "off";

    private static Option Add(Dictionary<string, Option> options, string name, string spelling)
    {
        var normalized = ParameterNames.Normalize(name);
        if (normalized.Length == 0)
        {
            throw new KilnException($"'{spelling}' is not a parameter name: use --name value.");
        }

        if (!options.TryGetValue(normalized, out var option))
        {
            option = new Option(name, spelling);
            options.Add(normalized, option);
        }

        return option;
    }

    /// <summary>One <c>--name</c> and the values after it.</summary>
    internal sealed class Option(string name, string spelling)
    {
        public string Name { get; } = name;

        /// <summary>As the user typed it, for messages.</summary>
        public string Spelling { get; } = spelling;

        public List<string> Values { get; } = [];
    }
}
