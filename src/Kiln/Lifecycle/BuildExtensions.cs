using Kiln.Definition;
using Kiln.Execution;
using Kiln.Hosts;

namespace Kiln.Lifecycle;

/// <summary>
/// Finds what extends a build (the attributes on its class, then the build itself) and raises the lifecycle events on
/// them in that order. A handler of the build-wide events before the run stops it with one line; a handler of a
/// target event or of the build's end that throws is reported as one line, and the run goes on as it would have.
/// </summary>
internal sealed class BuildExtensions
{
    private readonly IReadOnlyList<object> handlers;
    private readonly OutputHost host;

    private BuildExtensions(BuildModel model, IReadOnlyList<object> handlers, OutputHost host)
    {
        Model = model;
        this.handlers = handlers;
        this.host = host;
    }

    public BuildModel Model { get; }

    /// <summary>One generator per set of generated files: the first extension of each <see cref="IGeneratesFiles.GeneratedFilesName"/>.</summary>
    public IEnumerable<IGeneratesFiles> FileGenerators =>
        handlers.OfType<IGeneratesFiles>().DistinctBy(generator => generator.GeneratedFilesName, StringComparer.OrdinalIgnoreCase);

    public static BuildExtensions Find(BuildModel model, OutputHost host)
    {
        var attributes = model.BuildType.GetCustomAttributes(inherit: true);
        return new BuildExtensions(model, [.. attributes, model.Build], host);
    }

    public void BuildCreated() =>
        RaiseBeforeRun<IOnBuildCreated>(nameof(IOnBuildCreated.OnBuildCreated), handler => handler.OnBuildCreated(Model));

    public void BuildInitialized(IEnumerable<TargetNode> plan)
    {
        var targets = plan.Select(Model.Target).ToList();
        RaiseBeforeRun<IOnBuildInitialized>(nameof(IOnBuildInitialized.OnBuildInitialized), handler => handler.OnBuildInitialized(Model, targets));
    }

    public void TargetRunning(TargetNode node) =>
        Raise<IOnTargetRunning>($"{nameof(IOnTargetRunning.OnTargetRunning)}({node.Name})", handler => handler.OnTargetRunning(Model.Target(node)));

    public void TargetSucceeded(TargetNode node) =>
        Raise<IOnTargetSucceeded>($"{nameof(IOnTargetSucceeded.OnTargetSucceeded)}({node.Name})", handler => handler.OnTargetSucceeded(Model.Target(node)));

    public void TargetFailed(TargetNode node, Exception exception) =>
        Raise<IOnTargetFailed>($"{nameof(IOnTargetFailed.OnTargetFailed)}({node.Name})", handler => handler.OnTargetFailed(Model.Target(node), exception));

    public void TargetSkipped(TargetNode node, string reason) =>
        Raise<IOnTargetSkipped>($"{nameof(IOnTargetSkipped.OnTargetSkipped)}({node.Name})", handler => handler.OnTargetSkipped(Model.Target(node), reason));

    public void BuildFinished(bool succeeded) =>
        Raise<IOnBuildFinished>(nameof(IOnBuildFinished.OnBuildFinished), handler => handler.OnBuildFinished(Model, succeeded));

    private void RaiseBeforeRun<T>(string call, Action<T> raise)
    {
        foreach (var handler in handlers.OfType<T>())
        {
            try
            {
                raise(handler);
            }
            catch (Exception exception) when (exception is not KilnException)
            {
                throw new KilnException($"{Describe(handler!)}.{call} failed: {ErrorReport.FirstLine(exception, host.Masker)}", exception);
            }
        }
    }

    private void Raise<T>(string call, Action<T> raise)
    {
        foreach (var handler in handlers.OfType<T>())
        {
            try
            {
                raise(handler);
            }
            catch (Exception exception)
            {
                host.Write(LogLevel.Error, $"{Describe(handler!)}.{call} failed: {ErrorReport.FirstLine(exception, host.Masker)}");
            }
        }
    }

    private static string Describe(object handler)
    {
        var name = handler.GetType().Name;
        return handler is not Attribute ? name
            : name.EndsWith(nameof(Attribute), StringComparison.Ordinal) ? $"[{name[..^nameof(Attribute).Length]}]"
            : $"[{name}]";
    }
}
