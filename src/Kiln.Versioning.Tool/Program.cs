using Kiln.Versioning.Tool;

// kiln-version [PATH] [--output json|dotenv] [--show-variable NAME] [--config PATH] [--help]
using var interrupt = new CancellationTokenSource();
var interrupts = 0;
Console.CancelKeyPress += (_, eventArgs) =>
{
    // The first Ctrl-C stops the git processes and lets the run end with 130; a second one kills the tool. Each is
    // handled on a thread of its own, so they are counted atomically: both could otherwise take the first's path.
    eventArgs.Cancel = Interlocked.Increment(ref interrupts) == 1;
    interrupt.Cancel();
};

return await VersionTool.RunAsync(args, Console.Out, Console.Error, interrupt.Token).ConfigureAwait(false);
