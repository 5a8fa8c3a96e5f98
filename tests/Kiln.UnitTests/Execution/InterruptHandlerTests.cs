using System.Runtime.InteropServices;
using System.Text;
using Kiln.Execution;
using Kiln.Hosts;

namespace Kiln.UnitTests.Execution;

public sealed class InterruptHandlerTests : IDisposable
{
    private readonly GatedWriter output = new();
    private readonly CancellationTokenSource cancellation = new();
    private readonly List<int> exits = [];

    public void Dispose()
    {
        output.Dispose();
        cancellation.Dispose();
    }

    [Fact]
    public void The_first_signal_cancels_the_build_and_does_not_exit()
    {
        output.Release();

        Handler().Receive(PosixSignal.SIGINT);

        Assert.True(cancellation.IsCancellationRequested);
        Assert.Empty(exits);
        Assert.Contains("SIGINT received: stopping the running targets", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_signal_exits_with_130()
    {
        output.Release();
        var handler = Handler();

        handler.Receive(PosixSignal.SIGTERM);
        handler.Receive(PosixSignal.SIGTERM);

        Assert.Equal([130], exits);
        Assert.Contains("SIGTERM received again: exiting now", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_signal_that_comes_while_the_first_is_still_being_written_exits_with_130()
    {
        // .NET handles each SIGINT on a thread of its own: the first is held in the middle of writing its line,
        // before it has cancelled anything, when the second arrives (seen in CI: both said "received: stopping",
        // and the run never ended).
        var handler = Handler();
        var first = new Thread(() => handler.Receive(PosixSignal.SIGINT));
        first.Start();
        Assert.True(output.Entered.Wait(TimeSpan.FromSeconds(30)), "The first signal's line was never written.");

        var second = new Thread(() => handler.Receive(PosixSignal.SIGINT));
        second.Start();
        WaitUntilBlocked(second);
        output.Release();
        Assert.True(first.Join(TimeSpan.FromSeconds(30)) && second.Join(TimeSpan.FromSeconds(30)), "A signal's handler never returned.");

        Assert.Equal([130], exits);
        Assert.Single(Lines(), line => line.StartsWith("SIGINT received: stopping", StringComparison.Ordinal));
        Assert.Single(Lines(), line => line.StartsWith("SIGINT received again: exiting now", StringComparison.Ordinal));
    }

    private InterruptHandler Handler()
    {
        var host = new ConsoleHost(output, new SecretMasker(), useColors: false);
        return InterruptHandler.ForTest(cancellation, host, new Executor(host), exits.Add);
    }

    private string[] Lines() => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The second handler waits for the host's lock while the first holds it; both paths reach the lock.
    private static void WaitUntilBlocked(Thread thread)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((thread.ThreadState & ThreadState.WaitSleepJoin) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The second signal's handler never reached the host's lock.");
            Thread.Yield();
        }
    }

    /// <summary>A console whose first write waits until the test releases it.</summary>
    private sealed class GatedWriter : StringWriter
    {
        private readonly ManualResetEventSlim released = new();

        public ManualResetEventSlim Entered { get; } = new();

        public override Encoding Encoding => Encoding.UTF8;

        public void Release() => released.Set();

        public override void Write(char value)
        {
            Hold();
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Hold();
            base.Write(value);
        }

        public override void WriteLine(string? value)
        {
            Hold();
            base.WriteLine(value);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                released.Dispose();
                Entered.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Hold()
        {
            Entered.Set();
            released.Wait(TimeSpan.FromSeconds(30));
        }
    }
}
