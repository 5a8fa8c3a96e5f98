using Kiln.Execution;

namespace Kiln.Hosts;

/// <summary>
/// A terminal or a redirected console: ANSI colours on a terminal, plain text otherwise or when NO_COLOR is set.
/// Targets running at the same time print live with their name in front on a terminal, in blocks otherwise. With a
/// status line (a terminal that is not a CI log), the running targets show on the last row, redrawn in place.
/// </summary>
internal sealed class ConsoleHost : OutputHost
{
    private const string Reset = "\u001b[0m";

    private readonly StatusLine? status;
    private readonly bool isTerminal;

    /// <param name="output">The console, or a fake one in tests.</param>
    /// <param name="masker">Masks secrets in every line.</param>
    /// <param name="useColors">ANSI colours.</param>
    /// <param name="isTerminal">Someone watches the output live: concurrent targets print with prefixes, not in blocks.</param>
    /// <param name="showStatus">Keeps a status line of the running targets below the output (ANSI; a terminal only).</param>
    /// <param name="width">The terminal's width for the status line; the console's when null.</param>
    public ConsoleHost(TextWriter output, SecretMasker masker, bool useColors, bool isTerminal = false, bool showStatus = false, Func<int>? width = null)
        : this(showStatus ? new StatusLine(output, width, useColors) : null, output, masker, useColors, isTerminal)
    {
    }

    private ConsoleHost(StatusLine? status, TextWriter output, SecretMasker masker, bool useColors, bool isTerminal)
        : base(status ?? output, masker)
    {
        this.status = status;
        this.isTerminal = isTerminal;
        UseColors = useColors;
    }

    public bool UseColors { get; }

    // On a terminal someone watches: holding a 20-minute target's lines back would look like a hang.
    public override TargetOutputMode ConcurrentOutput => isTerminal ? TargetOutputMode.Prefixed : TargetOutputMode.Buffered;

    /// <summary>Colours only on a real terminal, and never when NO_COLOR is set (no-color.org).</summary>
    public static bool ShouldUseColors(IReadOnlyDictionary<string, string> environment) =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(environment.GetValueOrDefault("NO_COLOR"));

    /// <summary>
    /// A status line only where it can be redrawn in place and someone watches: a terminal, not a CI log (whose
    /// viewers show each redraw as a line), not a terminal without ANSI (TERM=dumb).
    /// </summary>
    public static bool ShouldShowStatus(bool isTerminal, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return isTerminal
            && !ServerDetection.IsServer(environment)
            && !string.Equals(environment.GetValueOrDefault("TERM"), "dumb", StringComparison.Ordinal);
    }

    protected override bool HasStatusLine => status is not null;

    protected override void ShowStatusCore(string? text) => status!.Show(text);

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
