using Kiln.Versioning.Tool;

// kiln-version [PATH] [--output json|dotenv] [--show-variable NAME] [--config PATH] [--help]
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    // The first Ctrl-C stops the git processes and lets the run end with 130; a second one kills the tool.
    eventArgs.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};

return await VersionTool.RunAsync(args, Console.Out, Console.Error, interrupt.Token).ConfigureAwait(false);
