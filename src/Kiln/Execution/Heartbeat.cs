using System.Collections.Concurrent;
using System.Globalization;
using Kiln.Hosts;
using Kiln.Tooling;

namespace Kiln.Execution;

/// <summary>
/// Signs of life: a target that runs longer than <see cref="Threshold"/> gets a line every <see cref="Interval"/>
/// with its elapsed time, the tool it runs and how far the tool got when it says ("UnitTest 0:40 - dotnet test
/// Kiln.UnitTests (running 312 of about 1071)"). The lines are plain Information lines written beside the targets' own
/// blocks, so they show while a held block waits, on CI too, and not at all below Normal verbosity. A host with a
/// status line (a terminal) gets that line redrawn with every running target instead.
/// </summary>
/// <param name="host">Where the lines go.</param>
/// <param name="threshold">How long a target runs before its first line.</param>
/// <param name="interval">How long between two lines of a target.</param>
/// <param name="time">The clock elapsed times are read from.</param>
/// <param name="delay">How the loop waits between two looks at the running targets (Task.Delay by default).</param>
internal sealed class Heartbeat(
    OutputHost host,
    TimeSpan threshold,
    TimeSpan interval,
    TimeProvider? time = null,
    Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    public static readonly TimeSpan DefaultThreshold = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(20);

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Func<TimeSpan, CancellationToken, Task> wait = delay ?? ((span, token) => Task.Delay(span, token));
    private readonly ConcurrentDictionary<TargetResult, Beating> running = new();

    public Heartbeat(OutputHost host)
        : this(host, DefaultThreshold, DefaultInterval)
    {
    }

    public TimeSpan Threshold { get; } = threshold;

    public TimeSpan Interval { get; } = interval;

    /// <summary>Beats for the target until the returned handle is disposed.</summary>
    public IDisposable Track(string name, TargetResult result)
    {
        running[result] = new Beating(name, clock.GetTimestamp(), Threshold);
        return new Untrack(() => running.TryRemove(result, out _));
    }

    /// <summary>
    /// Writes a line for each running target that is due one; on a host with a status line, redraws that line with
    /// every running target instead, so that a terminal shows where the build is without scrolling.
    /// </summary>
    public void Beat()
    {
        if (host.ShowsStatus)
        {
            var status = running
                .OrderBy(pair => pair.Value.Started)
                .Select(pair => Describe(pair.Value.Name, clock.GetElapsedTime(pair.Value.Started), pair.Key.RunningCommand))
                .ToList();
            host.ShowStatus(status.Count == 0 ? null : string.Join(" | ", status));
            return;
        }

        foreach (var (result, beating) in running)
        {
            var elapsed = clock.GetElapsedTime(beating.Started);
            if (elapsed < beating.Next)
            {
                continue;
            }

            while (beating.Next <= elapsed)
            {
                beating.Next += Interval;
            }

            host.Write(LogLevel.Information, Describe(beating.Name, elapsed, result.RunningCommand));
        }
    }

    /// <summary>Looks at the running targets until cancelled, at most a second apart.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var tick = new[] { Threshold, Interval, TimeSpan.FromSeconds(1) }.Min();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await wait(tick, cancellationToken).ConfigureAwait(false);
                Beat();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The build ended.
        }
        finally
        {
            host.ShowStatus(null);
        }
    }

    /// <summary>"0:40", "12:05", "1:02:05".</summary>
    internal static string Format(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes}:{elapsed.Seconds:00}");

    /// <summary>"UnitTest 0:40 - dotnet test Kiln.UnitTests (running 312 of about 1071)", leaving out what is unknown.</summary>
    internal static string Describe(string target, TimeSpan elapsed, ToolCommand? command) =>
        command is null ? $"{target} {Format(elapsed)}"
        : command.Progress?.Describe() is { } progress ? $"{target} {Format(elapsed)} - {Describe(command)} ({progress})"
        : $"{target} {Format(elapsed)} - {Describe(command)}";

    /// <summary>
    /// A tool command as a person names it: the program and the words before the first option, a project or solution
    /// by its name ("dotnet test Kiln.UnitTests"), and a project given with --project or --solution.
    /// </summary>
    internal static string Describe(ToolCommand command)
    {
        var words = new List<string> { Path.GetFileNameWithoutExtension(command.FileName) };
        for (var i = 0; i < command.Arguments.Count; i++)
        {
            var argument = command.Arguments[i];
            if (argument is "--project" or "--solution" && i + 1 < command.Arguments.Count)
            {
                words.Add(Name(command.Arguments[i + 1]));
                break;
            }

            if (argument.StartsWith('-'))
            {
                continue;
            }

            if (command.Arguments.Take(i).Any(previous => previous.StartsWith('-')))
            {
                break;
            }

            words.Add(Name(argument));
        }

        return string.Join(' ', words);

        static string Name(string argument) =>
            argument.Contains('/', StringComparison.Ordinal) || argument.Contains('\\', StringComparison.Ordinal)
                ? Path.GetExtension(argument) is ".csproj" or ".fsproj" or ".vbproj" or ".sln" or ".slnx" or ".dll"
                    ? Path.GetFileNameWithoutExtension(argument)
                    : Path.GetFileName(argument.TrimEnd('/', '\\'))
                : argument;
    }

    private sealed class Beating(string name, long started, TimeSpan next)
    {
        public string Name { get; } = name;

        public long Started { get; } = started;

        public TimeSpan Next { get; set; } = next;
    }

    private sealed class Untrack(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
