namespace Kiln.Tooling;

/// <summary>
/// The dotnet CLI in NUKE's shape, for <c>using static Kiln.Tooling.DotNetTasks;</c>:
/// <c>DotNetBuild(s => s.SetProjectFile(Solution).SetConfiguration(Configuration).EnableNoRestore())</c>. Each task
/// runs the same code as its <see cref="DotNet"/> method (<c>DotNet.BuildAsync(new DotNetBuildSettings { ... })</c>):
/// output streamed with secrets masked, the command line in verbose output, a <see cref="ToolException"/> naming the
/// command on failure. The tasks without <c>Async</c> wait for the tool and return its output lines, for
/// <c>.Executes(() => ...)</c>; the overloads taking a <see cref="CombinatorialConfigure{T}"/> run each combination.
/// </summary>
public static class DotNetTasks
{
    /// <summary>Runs <c>dotnet restore</c> with the settings and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetRestore(DotNetRestoreSettings? options = null) =>
        ToolTasks.Wait(DotNet.RestoreAsync(options ?? new()));

    /// <summary>Runs <c>dotnet restore</c> with settings configured from the defaults and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetRestore(Configure<DotNetRestoreSettings> configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return DotNetRestore(configurator(new()));
    }

    /// <summary>
    /// Runs <c>dotnet restore</c> once per combination the configurator returns, up to <paramref name="degreeOfParallelism"/>
    /// at a time, and returns each combination's settings and output. A failure stops starting combinations unless
    /// <paramref name="completeOnFailure"/>; either way the task then fails.
    /// </summary>
    public static IReadOnlyList<(DotNetRestoreSettings Settings, IReadOnlyCollection<ToolOutputLine> Output)> DotNetRestore(
        CombinatorialConfigure<DotNetRestoreSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return ToolTasks.RunEach(configurator(new()), DotNet.RestoreAsync, degreeOfParallelism, completeOnFailure);
    }

    /// <summary>Runs <c>dotnet restore</c> with settings configured from the defaults, without blocking a thread.</summary>
    public static async Task<IReadOnlyCollection<ToolOutputLine>> DotNetRestoreAsync(
        Configure<DotNetRestoreSettings> configurator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return (await DotNet.RestoreAsync(configurator(new()), cancellationToken).ConfigureAwait(false)).Output;
    }

    /// <summary>Runs <c>dotnet build</c> with the settings and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetBuild(DotNetBuildSettings? options = null) =>
        ToolTasks.Wait(DotNet.BuildAsync(options ?? new()));

    /// <summary>Runs <c>dotnet build</c> with settings configured from the defaults and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetBuild(Configure<DotNetBuildSettings> configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return DotNetBuild(configurator(new()));
    }

    /// <summary>
    /// Runs <c>dotnet build</c> once per combination the configurator returns, up to <paramref name="degreeOfParallelism"/>
    /// at a time, and returns each combination's settings and output. A failure stops starting combinations unless
    /// <paramref name="completeOnFailure"/>; either way the task then fails.
    /// </summary>
    public static IReadOnlyList<(DotNetBuildSettings Settings, IReadOnlyCollection<ToolOutputLine> Output)> DotNetBuild(
        CombinatorialConfigure<DotNetBuildSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return ToolTasks.RunEach(configurator(new()), DotNet.BuildAsync, degreeOfParallelism, completeOnFailure);
    }

    /// <summary>Runs <c>dotnet build</c> with settings configured from the defaults, without blocking a thread.</summary>
    public static async Task<IReadOnlyCollection<ToolOutputLine>> DotNetBuildAsync(
        Configure<DotNetBuildSettings> configurator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return (await DotNet.BuildAsync(configurator(new()), cancellationToken).ConfigureAwait(false)).Output;
    }

    /// <summary>Runs <c>dotnet test</c> with the settings and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetTest(DotNetTestSettings? options = null) =>
        ToolTasks.Wait(DotNet.TestAsync(options ?? new()));

    /// <summary>Runs <c>dotnet test</c> with settings configured from the defaults and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetTest(Configure<DotNetTestSettings> configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return DotNetTest(configurator(new()));
    }

    /// <summary>
    /// Runs <c>dotnet test</c> once per combination the configurator returns, up to <paramref name="degreeOfParallelism"/>
    /// at a time, and returns each combination's settings and output. A failure stops starting combinations unless
    /// <paramref name="completeOnFailure"/>; either way the task then fails.
    /// </summary>
    public static IReadOnlyList<(DotNetTestSettings Settings, IReadOnlyCollection<ToolOutputLine> Output)> DotNetTest(
        CombinatorialConfigure<DotNetTestSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return ToolTasks.RunEach(configurator(new()), DotNet.TestAsync, degreeOfParallelism, completeOnFailure);
    }

    /// <summary>Runs <c>dotnet test</c> with settings configured from the defaults, without blocking a thread.</summary>
    public static async Task<IReadOnlyCollection<ToolOutputLine>> DotNetTestAsync(
        Configure<DotNetTestSettings> configurator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return (await DotNet.TestAsync(configurator(new()), cancellationToken).ConfigureAwait(false)).Output;
    }

    /// <summary>Runs <c>dotnet pack</c> with the settings and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetPack(DotNetPackSettings? options = null) =>
        ToolTasks.Wait(DotNet.PackAsync(options ?? new()));

    /// <summary>Runs <c>dotnet pack</c> with settings configured from the defaults and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetPack(Configure<DotNetPackSettings> configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return DotNetPack(configurator(new()));
    }

    /// <summary>
    /// Runs <c>dotnet pack</c> once per combination the configurator returns, up to <paramref name="degreeOfParallelism"/>
    /// at a time, and returns each combination's settings and output. A failure stops starting combinations unless
    /// <paramref name="completeOnFailure"/>; either way the task then fails.
    /// </summary>
    public static IReadOnlyList<(DotNetPackSettings Settings, IReadOnlyCollection<ToolOutputLine> Output)> DotNetPack(
        CombinatorialConfigure<DotNetPackSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return ToolTasks.RunEach(configurator(new()), DotNet.PackAsync, degreeOfParallelism, completeOnFailure);
    }

    /// <summary>Runs <c>dotnet pack</c> with settings configured from the defaults, without blocking a thread.</summary>
    public static async Task<IReadOnlyCollection<ToolOutputLine>> DotNetPackAsync(
        Configure<DotNetPackSettings> configurator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return (await DotNet.PackAsync(configurator(new()), cancellationToken).ConfigureAwait(false)).Output;
    }

    /// <summary>Runs <c>dotnet publish</c> with the settings and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetPublish(DotNetPublishSettings? options = null) =>
        ToolTasks.Wait(DotNet.PublishAsync(options ?? new()));

    /// <summary>Runs <c>dotnet publish</c> with settings configured from the defaults and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetPublish(Configure<DotNetPublishSettings> configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return DotNetPublish(configurator(new()));
    }

    /// <summary>
    /// Runs <c>dotnet publish</c> once per combination the configurator returns, up to <paramref name="degreeOfParallelism"/>
    /// at a time, and returns each combination's settings and output. A failure stops starting combinations unless
    /// <paramref name="completeOnFailure"/>; either way the task then fails.
    /// </summary>
    public static IReadOnlyList<(DotNetPublishSettings Settings, IReadOnlyCollection<ToolOutputLine> Output)> DotNetPublish(
        CombinatorialConfigure<DotNetPublishSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return ToolTasks.RunEach(configurator(new()), DotNet.PublishAsync, degreeOfParallelism, completeOnFailure);
    }

    /// <summary>Runs <c>dotnet publish</c> with settings configured from the defaults, without blocking a thread.</summary>
    public static async Task<IReadOnlyCollection<ToolOutputLine>> DotNetPublishAsync(
        Configure<DotNetPublishSettings> configurator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return (await DotNet.PublishAsync(configurator(new()), cancellationToken).ConfigureAwait(false)).Output;
    }

    /// <summary>Runs <c>dotnet run</c> with the settings and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetRun(DotNetRunSettings? options = null) =>
        ToolTasks.Wait(DotNet.RunAsync(options ?? new()));

    /// <summary>Runs <c>dotnet run</c> with settings configured from the defaults and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetRun(Configure<DotNetRunSettings> configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return DotNetRun(configurator(new()));
    }

    /// <summary>
    /// Runs <c>dotnet run</c> once per combination the configurator returns, up to <paramref name="degreeOfParallelism"/>
    /// at a time, and returns each combination's settings and output. A failure stops starting combinations unless
    /// <paramref name="completeOnFailure"/>; either way the task then fails.
    /// </summary>
    public static IReadOnlyList<(DotNetRunSettings Settings, IReadOnlyCollection<ToolOutputLine> Output)> DotNetRun(
        CombinatorialConfigure<DotNetRunSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return ToolTasks.RunEach(configurator(new()), DotNet.RunAsync, degreeOfParallelism, completeOnFailure);
    }

    /// <summary>Runs <c>dotnet run</c> with settings configured from the defaults, without blocking a thread.</summary>
    public static async Task<IReadOnlyCollection<ToolOutputLine>> DotNetRunAsync(
        Configure<DotNetRunSettings> configurator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return (await DotNet.RunAsync(configurator(new()), cancellationToken).ConfigureAwait(false)).Output;
    }

    /// <summary>Runs <c>dotnet tool restore</c> with the settings and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetToolRestore(DotNetToolRestoreSettings? options = null) =>
        ToolTasks.Wait(DotNet.ToolRestoreAsync(options ?? new()));

    /// <summary>Runs <c>dotnet tool restore</c> with settings configured from the defaults and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetToolRestore(Configure<DotNetToolRestoreSettings> configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return DotNetToolRestore(configurator(new()));
    }

    /// <summary>
    /// Runs <c>dotnet tool restore</c> once per combination the configurator returns, up to <paramref name="degreeOfParallelism"/>
    /// at a time, and returns each combination's settings and output. A failure stops starting combinations unless
    /// <paramref name="completeOnFailure"/>; either way the task then fails.
    /// </summary>
    public static IReadOnlyList<(DotNetToolRestoreSettings Settings, IReadOnlyCollection<ToolOutputLine> Output)> DotNetToolRestore(
        CombinatorialConfigure<DotNetToolRestoreSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return ToolTasks.RunEach(configurator(new()), DotNet.ToolRestoreAsync, degreeOfParallelism, completeOnFailure);
    }

    /// <summary>Runs <c>dotnet tool restore</c> with settings configured from the defaults, without blocking a thread.</summary>
    public static async Task<IReadOnlyCollection<ToolOutputLine>> DotNetToolRestoreAsync(
        Configure<DotNetToolRestoreSettings> configurator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return (await DotNet.ToolRestoreAsync(configurator(new()), cancellationToken).ConfigureAwait(false)).Output;
    }

    /// <summary>Runs <c>dotnet nuget push</c> with the settings and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetNuGetPush(DotNetNuGetPushSettings? options = null) =>
        ToolTasks.Wait(DotNet.NuGetPushAsync(options ?? new DotNetNuGetPushSettings(string.Empty)));

    /// <summary>Runs <c>dotnet nuget push</c> with settings configured from the defaults and returns its output.</summary>
    public static IReadOnlyCollection<ToolOutputLine> DotNetNuGetPush(Configure<DotNetNuGetPushSettings> configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return DotNetNuGetPush(configurator(new DotNetNuGetPushSettings(string.Empty)));
    }

    /// <summary>
    /// Runs <c>dotnet nuget push</c> once per combination the configurator returns, up to <paramref name="degreeOfParallelism"/>
    /// at a time, and returns each combination's settings and output. A failure stops starting combinations unless
    /// <paramref name="completeOnFailure"/>; either way the task then fails.
    /// </summary>
    public static IReadOnlyList<(DotNetNuGetPushSettings Settings, IReadOnlyCollection<ToolOutputLine> Output)> DotNetNuGetPush(
        CombinatorialConfigure<DotNetNuGetPushSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return ToolTasks.RunEach(configurator(new DotNetNuGetPushSettings(string.Empty)), DotNet.NuGetPushAsync, degreeOfParallelism, completeOnFailure);
    }

    /// <summary>Runs <c>dotnet nuget push</c> with settings configured from the defaults, without blocking a thread.</summary>
    public static async Task<IReadOnlyCollection<ToolOutputLine>> DotNetNuGetPushAsync(
        Configure<DotNetNuGetPushSettings> configurator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return (await DotNet.NuGetPushAsync(configurator(new DotNetNuGetPushSettings(string.Empty)), cancellationToken).ConfigureAwait(false)).Output;
    }
}
