namespace Kiln.Tooling;

/// <summary>Typed wrappers for the dotnet CLI, run through the <see cref="ProcessRunner"/>.</summary>
[TaskOverloads]
public static class DotNet
{
    /// <summary>Runs <c>dotnet restore</c>.</summary>
    public static Task<ToolResult> RestoreAsync(DotNetRestoreSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, cancellationToken);

    /// <summary>Runs <c>dotnet build</c>.</summary>
    public static Task<ToolResult> BuildAsync(DotNetBuildSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, cancellationToken);

    /// <summary>Runs <c>dotnet test</c>.</summary>
    /// <remarks>The counts of the TRX files its trx loggers write go into the run record (artifacts/run.json), pass or fail.</remarks>
    public static async Task<ToolResult> TestAsync(DotNetTestSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = DateTime.UtcNow;
        try
        {
            // With a line per test, the heartbeat can say how far the run got.
            var command = settings.ToCommand();
            if (Testing.TestProgress.CountsEveryTest(command.Arguments))
            {
                command = command with { Progress = new Testing.TestProgress(settings.ExpectedTestCount) };
            }

            return await ProcessRunner.RunAsync(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Testing.TrxRecording.Record(settings, started);
        }
    }

    /// <summary>Runs <c>dotnet pack</c>.</summary>
    public static Task<ToolResult> PackAsync(DotNetPackSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, cancellationToken);

    /// <summary>Runs <c>dotnet publish</c>.</summary>
    public static Task<ToolResult> PublishAsync(DotNetPublishSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, cancellationToken);

    /// <summary>Runs <c>dotnet run</c>.</summary>
    public static Task<ToolResult> RunAsync(DotNetRunSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, cancellationToken);

    /// <summary>Runs <c>dotnet tool restore</c>.</summary>
    public static Task<ToolResult> ToolRestoreAsync(DotNetToolRestoreSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, cancellationToken);

    /// <summary>Runs <c>dotnet nuget push</c>, the API key in the tool's environment.</summary>
    public static Task<ToolResult> NuGetPushAsync(DotNetNuGetPushSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrEmpty(settings.Package))
        {
            throw new KilnException("dotnet nuget push needs the package to push: SetTargetPath(path to the .nupkg).");
        }

        return ProcessRunner.RunAsync(settings.ToCommand(), cancellationToken);
    }

    private static Task<ToolResult> Run(DotNetSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ProcessRunner.RunAsync(settings.ToCommand(), cancellationToken);
    }
}
