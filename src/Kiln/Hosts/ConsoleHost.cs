using Kiln.Execution;

namespace Kiln.Hosts;

/// <summary>
/// A terminal or a redirected console: ANSI colours on a terminal, plain text otherwise or when NO_COLOR is set.
/// Targets running at the same time print live with their name in front on a terminal, in blocks otherwise.
/// </summary>
internal sealed class ConsoleHost(TextWriter output, SecretMasker masker, bool useColors, bool isTerminal = false) : Host(output, masker)
{
    private const string Reset = "\u001b[0m";

    public bool UseColors { get; } = useColors;

    // On a terminal someone watches: holding a 20-minute target's lines back would look like a hang.
    public override TargetOutputMode ConcurrentOutput => isTerminal ? TargetOutputMode.Prefixed : TargetOutputMode.Buffered;

    /// <summary>Colours only on a real terminal, and never when NO_COLOR is set (no-color.org).</summary>
    public static bool ShouldUseColors(IReadOnlyDictionary<string, string> environment) =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(environment.GetValueOrDefault("NO_COLOR"));

    protected override void WriteLine(LogLevel level, string text)
    {
        var color = level switch
        {
            LogLevel.Error => "\u001b[31m",
            LogLevel.Warning => "\u001b[33m",
            LogLevel.Debug => "\u001b[90m",
            _ => null,
        };
        Output.WriteLine(UseColors && color is not null ? color + text + Reset : text);
    }

    protected override void WriteToolLine(string line)
    {
        var diagnostic = ToolDiagnostic.TryParse(line);
        WriteLine(diagnostic switch
        {
            { IsError: true } => LogLevel.Error,
            not null => LogLevel.Warning,
            null => LogLevel.Information,
        }, line);
    }

    protected override void WriteTargetHeader(string name)
    {
        if (IsPrefixingTarget)
        {
            // Every line already carries the name; a rule would only break up the neighbours' lines.
            Output.WriteLine("started");
            return;
        }

        Output.WriteLine();
        Output.WriteLine(UseColors ? $"\u001b[1;36m{name}{Reset}" : name);
        Output.WriteLine(new string('─', Math.Max(40, name.Length)));
    }

    protected override void WriteTargetFooter(TargetResult result)
    {
        if (result.Status == TargetStatus.Failed)
        {
            WriteLine(LogLevel.Error, $"{result.Name} failed.");
        }
        else if (IsPrefixingTarget)
        {
            WriteLine(LogLevel.Information, $"ended: {result.Status}");
        }
    }

    protected override void WriteSummaryCore(BuildSummary summary)
    {
        foreach (var line in SummaryTable.Format(summary))
        {
            var text = Masker.Apply(line);
            if (!UseColors)
            {
                Output.WriteLine(text);
                continue;
            }

            var color = text.StartsWith("Build succeeded", StringComparison.Ordinal) ? "\u001b[32m"
                : text.StartsWith("Build", StringComparison.Ordinal) ? "\u001b[31m"
                : null;
            Output.WriteLine(color is null ? text : color + text + Reset);
        }
    }
}
