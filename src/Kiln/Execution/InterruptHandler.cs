using System.Runtime.InteropServices;
using Kiln.Hosts;

namespace Kiln.Execution;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM cancels the build once; running tools are killed and the summary still prints. A second
/// one ends the process at once (a target that ignores cancellation cannot hold it), after the summary of the run so
/// far: what ended as it ended, what was running Aborted.
/// </summary>
internal sealed class InterruptHandler : IDisposable
{
    private readonly CancellationTokenSource cancellation;
    private readonly OutputHost host;
    private readonly Executor executor;
    private readonly Action<int> exit;
    private readonly PosixSignalRegistration[] registrations;
    private int received;

    private InterruptHandler(CancellationTokenSource cancellation, OutputHost host, Executor executor, Action<int> exit, bool register)
    {
        this.cancellation = cancellation;
        this.host = host;
        this.executor = executor;
        this.exit = exit;
        registrations = register
            ? [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)]
            : [];
    }

    /// <summary>Handles SIGINT and SIGTERM for the process until disposed.</summary>
    public static InterruptHandler Install(CancellationTokenSource cancellation, OutputHost host, Executor executor) =>
        new(cancellation, host, executor, Environment.Exit, register: true);

    /// <summary>A handler no signal reaches, for tests: they call <see cref="Receive"/> and see what it would exit with.</summary>
    internal static InterruptHandler ForTest(CancellationTokenSource cancellation, OutputHost host, Executor executor, Action<int> exit) =>
        new(cancellation, host, executor, exit, register: false);

    /// <summary>
    /// One signal. .NET runs each SIGINT or SIGTERM handler on a thread of its own, so two signals in quick succession
    /// are handled at the same time: which one is first is counted atomically before anything is written (checking
    /// whether the build was cancelled let both take the first's path when the second came while the first wrote).
    /// </summary>
    internal void Receive(PosixSignal signal)
    {
        if (Interlocked.Increment(ref received) == 1)
        {
            host.Write(LogLevel.Warning, $"{signal} received: stopping the running targets and their tools (again to exit at once).");
            cancellation.Cancel();
            return;
        }

        host.Write(LogLevel.Warning, $"{signal} received again: exiting now, without waiting for the running targets.");
        if (executor.Snapshot($"killed by a second {signal}") is { } summary)
        {
            host.WriteSummary(summary);
        }

        exit(BuildRunner.InterruptedExitCode);
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }

    private void Handle(PosixSignalContext context)
    {
        // Handled here: the runtime's default (ending the process at once) would skip the summary and assured targets.
        context.Cancel = true;
        Receive(context.Signal);
    }
}
