using System.ComponentModel;
using System.Diagnostics;
using Kiln.Execution;
using Kiln.Hosts;

namespace Kiln.Tooling;

/// <summary>
/// The one way Kiln runs tools: arguments as a list, output streamed line by line through the host
/// with secrets masked, the whole process tree killed on cancellation (Ctrl-C) or timeout, and a
/// <see cref="ToolException"/> naming the command, directory and exit code on failure.
/// </summary>
public static class ProcessRunner
{
    private static readonly TimeSpan OutputGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>Runs the command and returns its result; throws <see cref="ToolException"/> unless it exits with a success code.</summary>
    public static async Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var context = BuildContext.Current;
        var masker = context.Host.Masker;
        var directory = command.WorkingDirectory ?? KilnBuild.RootDirectory;
        var display = masker.Apply(command.ToString());
        var start = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        context.Host.Write(LogLevel.Debug, $"> {display}  (in {directory})");
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new ToolException($"Could not start '{display}' in {directory}: {exception.Message}. Is {command.FileName} installed and on PATH?", null, exception);
        }

        process.StandardInput.Close();
        var target = BuildContext.CurrentTarget;
        if (target is not null)
        {
            target.RunningCommand = command;
        }

        using var timeout = command.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation, timeout.Token);
        var output = new List<ToolOutputLine>();
        using (linked.Token.Register(() => Kill(process)))
        {
            var pumps = Task.WhenAll(Pump(process.StandardOutput, isError: false), Pump(process.StandardError, isError: true));
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);

            // A grandchild that outlives the tool (a build server, say) can hold the pipes open; do not wait for it forever.
            await Task.WhenAny(pumps, Task.Delay(OutputGracePeriod, CancellationToken.None)).ConfigureAwait(false);
        }

        if (target is not null && ReferenceEquals(target.RunningCommand, command))
        {
            target.RunningCommand = null;
        }

        if (timeout.IsCancellationRequested)
        {
            throw new ToolException($"'{display}' in {directory} timed out after {Seconds(command.Timeout!.Value)} and was killed.");
        }

        linked.Token.ThrowIfCancellationRequested();
        if (!command.SuccessExitCodes.Contains(process.ExitCode))
        {
            throw new ToolException($"'{display}' in {directory} exited with code {process.ExitCode}.", process.ExitCode);
        }

        lock (output)
        {
            return new ToolResult(process.ExitCode, output.ToList());
        }

        async Task Pump(StreamReader reader, bool isError)
        {
            while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                var masked = masker.Apply(line);
                lock (output)
                {
                    output.Add(new ToolOutputLine(masked, isError));
                }

                var worthPrinting = command.Progress?.Observe(masked) ?? true;
                if (command.EchoOutput && (worthPrinting || context.Host.Verbosity >= Verbosity.Verbose))
                {
                    context.Host.WriteToolOutput(masked);
                }
            }
        }
    }

    private static string Seconds(TimeSpan duration) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###}s");

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
