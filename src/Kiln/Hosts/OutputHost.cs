using Kiln.Execution;

namespace Kiln.Hosts;

/// <summary>
/// Where a build prints: the console, or a CI system with its own conventions. Every line goes
/// through the secret masker; writes are serialised so concurrent targets cannot interleave a line.
/// When targets run at the same time, each one's lines are kept together (see <see cref="TargetOutput"/>).
/// </summary>
internal abstract class OutputHost(TextWriter output, SecretMasker masker)
{
    private readonly object gate = new();

    // The block of the target whose code is running on this flow; null outside targets and when targets run one at a time.
    private readonly AsyncLocal<TargetOutput?> block = new();

    public SecretMasker Masker { get; } = masker;

    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    /// <summary>How this host keeps the lines of concurrent targets apart: buffered blocks unless a host prefixes live.</summary>
    public virtual TargetOutputMode ConcurrentOutput => TargetOutputMode.Buffered;

    /// <summary>A writer for Console.Out while a build runs: text goes where the host's own lines for the running target go.</summary>
    public TextWriter ConsoleWriter => new HostConsoleWriter(this);

    /// <summary>The writer for the current line: the running target's block or prefixer when there is one, else the output.</summary>
    /// <remarks>
    /// A task a target started (a service's output pump, say) carries the block with it and may outlive the target:
    /// once the block is written out, its lines go straight to the output.
    /// </remarks>
    protected TextWriter Output => block.Value is { IsEnded: false } running ? running.Writer : output;

    /// <summary>True while the target on this flow prints live with its name in front of each line.</summary>
    protected bool IsPrefixingTarget => block.Value is { IsEnded: false, Mode: TargetOutputMode.Prefixed };

    public void Write(LogLevel level, string message)
    {
        if (!Shows(level))
        {
            return;
        }

        lock (gate)
        {
            foreach (var line in Masker.Apply(message).ReplaceLineEndings("\n").Split('\n'))
            {
                WriteLine(level, line);
            }

            Output.Flush();
        }
    }

    /// <summary>A line a tool printed; hosts may turn diagnostics in it into annotations.</summary>
    public void WriteToolOutput(string line)
    {
        if (!Shows(LogLevel.Information))
        {
            return;
        }

        lock (gate)
        {
            WriteToolLine(Masker.Apply(line));
            Output.Flush();
        }
    }

    /// <summary>An error at a line of a file (a failed test, say): an annotation on CI, a plain error line elsewhere.</summary>
    public void WriteError(string message, string? file, int? line, string? title)
    {
        lock (gate)
        {
            WriteErrorCore(
                Masker.Apply(message),
                file is null ? null : Masker.Apply(file),
                line,
                title is null ? null : Masker.Apply(title));
            Output.Flush();
        }
    }

    /// <summary>Adds Markdown to the page a CI system shows for the run (the GitHub step summary); nothing elsewhere.</summary>
    public void AppendStepSummary(string markdown)
    {
        lock (gate)
        {
            AppendStepSummaryCore(Masker.Apply(markdown));
        }
    }

    /// <summary>
    /// Starts a target's lines. With <paramref name="concurrent"/>, the lines written on this flow until
    /// <see cref="EndTarget"/> are kept together as <see cref="ConcurrentOutput"/> says.
    /// </summary>
    public void BeginTarget(string name, bool concurrent = false)
    {
        lock (gate)
        {
            if (concurrent)
            {
                block.Value = new TargetOutput(name, ConcurrentOutput, output);
            }

            WriteTargetHeader(name);
        }
    }

    public void EndTarget(TargetResult result)
    {
        lock (gate)
        {
            WriteTargetFooter(result);
            if (block.Value is { } finished)
            {
                block.Value = null;
                finished.WriteTo(output);
                finished.Dispose();
            }

            Output.Flush();
        }
    }

    /// <summary>Text a target printed with Console.Write, already masked, written where the host's lines go.</summary>
    internal void WriteConsoleText(Action<TextWriter> write)
    {
        lock (gate)
        {
            write(Output);
        }
    }

    /// <summary>True when the host keeps a status line of the running targets below its output (a terminal).</summary>
    public bool ShowsStatus => HasStatusLine && Verbosity > Verbosity.Quiet;

    /// <summary>Draws <paramref name="text"/> as the status line, replacing the last one; null clears it.</summary>
    public void ShowStatus(string? text)
    {
        if (!HasStatusLine)
        {
            return;
        }

        lock (gate)
        {
            ShowStatusCore(text is null || !ShowsStatus ? null : Masker.Apply(text));
        }
    }

    /// <summary>Called once the secret values are known, before anything else is printed.</summary>
    public virtual void AnnounceSecrets()
    {
    }

    public void WriteSummary(BuildSummary summary)
    {
        lock (gate)
        {
            // The summary ends the output, also when a second Ctrl-C writes it while targets still run.
            if (HasStatusLine)
            {
                ShowStatusCore(null);
            }

            WriteSummaryCore(summary);
            Output.Flush();
        }
    }

    protected bool Shows(LogLevel level) => level switch
    {
        LogLevel.Error => true,
        LogLevel.Warning => Verbosity >= Verbosity.Minimal,
        LogLevel.Information => Verbosity >= Verbosity.Normal,
        _ => Verbosity >= Verbosity.Verbose,
    };

    /// <summary>Whether this host can draw a status line at all.</summary>
    protected virtual bool HasStatusLine => false;

    /// <summary>Draws or (with null) clears the status line; called under the host's lock.</summary>
    protected virtual void ShowStatusCore(string? text)
    {
    }

    protected abstract void WriteLine(LogLevel level, string text);

    protected virtual void WriteToolLine(string line) => WriteLine(LogLevel.Information, line);

    /// <summary>Writes "file(line): title: message", leaving out what is unknown.</summary>
    protected virtual void WriteErrorCore(string message, string? file, int? line, string? title)
    {
        var location = file is null ? null : line is null ? $"{file}: " : $"{file}({line}): ";
        var heading = title is null ? null : $"{title}: ";
        foreach (var text in $"{location}{heading}{message}".ReplaceLineEndings("\n").Split('\n'))
        {
            WriteLine(LogLevel.Error, text);
        }
    }

    protected virtual void AppendStepSummaryCore(string markdown)
    {
    }

    protected abstract void WriteTargetHeader(string name);

    protected virtual void WriteTargetFooter(TargetResult result)
    {
    }

    protected virtual void WriteSummaryCore(BuildSummary summary)
    {
        foreach (var line in SummaryTable.Format(summary))
        {
            var level = line.StartsWith("Build failed", StringComparison.Ordinal) || line.StartsWith("Build interrupted", StringComparison.Ordinal)
                ? LogLevel.Error
                : LogLevel.Information;
            WriteLine(level, Masker.Apply(line));
        }
    }
}
