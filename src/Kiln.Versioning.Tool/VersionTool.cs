using Kiln.Versioning.Output;

namespace Kiln.Versioning.Tool;

/// <summary>
/// One run of kiln-version: parse the command line, compute the variables, print them. Every failure becomes one
/// line on standard error, <c>kiln-version: &lt;message&gt;</c>, and an exit code: 1 when the version cannot be
/// computed, 2 for a bad command line, 130 after Ctrl-C.
/// </summary>
internal static class VersionTool
{
    private const string Name = "kiln-version";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ToolOptions options;
        try
        {
            options = ToolOptions.Parse(arguments);
        }
        catch (UsageException exception)
        {
            await error.WriteLineAsync($"{Name}: {exception.Message} Run {Name} --help for the options.").ConfigureAwait(false);
            return 2;
        }

        if (options.Help)
        {
            await output.WriteLineAsync(HelpText.Text).ConfigureAwait(false);
            return 0;
        }

        // An unknown name fails before any git work, and names the variables it may have meant.
        if (options.ShowVariable is { } requested && !VersionVariables.Names.Contains(requested, StringComparer.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"{Name}: {VersionVariables.UnknownVariableMessage(requested)}").ConfigureAwait(false);
            return 1;
        }

        try
        {
            var variables = await GitVersion.CalculateAsync(
                Path.GetFullPath(options.Path ?? "."),
                options.ConfigurationFile is null ? null : Path.GetFullPath(options.ConfigurationFile),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            await WriteAsync(variables, options, output).ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"{Name}: interrupted.").ConfigureAwait(false);
            return 130;
        }
        catch (Exception exception)
        {
            // A VersioningException's message says what to fix; anything else also names its type. The stack trace
            // only with --verbosity verbose.
            var message = exception is VersioningException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            await error.WriteLineAsync($"{Name}: {message.ReplaceLineEndings(" ").Trim()}").ConfigureAwait(false);
            if (options.Verbose)
            {
                await error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
            }

            return 1;
        }
    }

    private static async Task WriteAsync(VersionVariables variables, ToolOptions options, TextWriter output)
    {
        if (options.ShowVariable is { } name)
        {
            await output.WriteLineAsync(variables[name]).ConfigureAwait(false);
        }
        else if (options.Output == OutputFormat.DotEnv)
        {
            DotEnvWriter.Write(variables, output);
        }
        else
        {
            await output.WriteLineAsync(variables.ToJson()).ConfigureAwait(false);
        }
    }
}
