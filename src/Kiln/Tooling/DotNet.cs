namespace Kiln.Tooling;

/// <summary>Typed wrappers for the dotnet CLI, run through the <see cref="ProcessRunner"/>.</summary>
public static class DotNet
{
    /// <summary>Runs <c>dotnet restore</c>.</summary>
    public static Task<ToolResult> RestoreAsync(DotNetRestoreSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, cancellationToken);

    /// <summary>Runs <c>dotnet build</c>.</summary>
    public static Task<ToolResult> BuildAsync(DotNetBuildSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, cancellationToken);

    /// <summary>Runs <c>dotnet test</c>.</summary>
    public static Task<ToolResult> TestAsync(DotNetTestSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, cancellationToken);

    /// <summary>Runs <c>dotnet pack</c>.</summary>
    public static Task<ToolResult> PackAsync(DotNetPackSettings settings, CancellationToken cancellationToken = default) =>
        Run(settings, cancellationToken);

    private static Task<ToolResult> Run(DotNetSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ProcessRunner.RunAsync(settings.ToCommand(), cancellationToken);
    }
}
