using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using Kiln.Execution;

namespace Kiln;

/// <summary>
/// The base of a build. Declare <see cref="Target"/> properties and <see cref="ParameterAttribute">parameters</see>
/// on a subclass, and run it from Main: <c>public static int Main() =&gt; Execute&lt;Build&gt;(x =&gt; x.Test);</c>
/// </summary>
public abstract class KilnBuild : IKilnBuild
{
    private static AbsolutePath? rootDirectory;

    /// <summary>The repository root: the nearest folder with a .nuke directory (or <c>--root</c>).</summary>
    public static AbsolutePath RootDirectory
    {
        get => rootDirectory ??= BuildRoot.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory)
            ?? throw new KilnException("No .nuke directory found above the current directory: run from inside the repository, or pass --root.");
        internal set => rootDirectory = value;
    }

    /// <summary>The build's own scratch folder, .nuke/temp (ignored by git): installed tools, records, the compiled build.</summary>
    public static AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>
    /// The environment variables the build reads its parameters and its CI server from: the process's, or in a test the
    /// ones the run was given.
    /// </summary>
    public static IReadOnlyDictionary<string, string> EnvironmentVariables => EnvironmentSnapshot.Current;

    /// <summary>True when no CI server runs the build.</summary>
    public static bool IsLocalBuild => !IsServerBuild;

    /// <summary>True on a CI server (GITHUB_ACTIONS, CI, TF_BUILD, ... set).</summary>
    public static bool IsServerBuild => ServerDetection.IsServer(EnvironmentSnapshot.Current);

    /// <summary>
    /// What runs the build, read from <see cref="EnvironmentVariables"/>: <c>Host is GitHubActions</c> on GitHub Actions
    /// (its run's values in <see cref="GitHubActions.GitHubActions.Instance"/>), <see cref="Terminal"/> elsewhere.
    /// </summary>
    public static Host Host => Host.From(EnvironmentSnapshot.Current);

    /// <summary>
    /// Runs the build with the process's command line and exits with its code: 0 when every target
    /// succeeded, 1 when one failed, 2 for bad input (unknown target, bad parameter), 130 after Ctrl-C.
    /// </summary>
    /// <param name="defaultTargets">The targets to run when the command line names none.</param>
    /// <typeparam name="T">
    /// The build class. Every member of it, of its base classes and of its components is kept when the build is
    /// compiled to native code and trimmed: the engine reads them by reflection where the build members generator
    /// has not listed them.
    /// </typeparam>
    public static int Execute<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(params Expression<Func<T, Target>>[] defaultTargets)
        where T : KilnBuild, new()
    {
        var arguments = Environment.GetCommandLineArgs().Skip(1).ToList();

        StartupProfile.Start(arguments);
        return BuildRunner.RunAsync(
            () => new T(),
            defaultTargets.Select(TargetName).ToList(),
            arguments,
            EnvironmentSnapshot.Current,
            Console.Out,
            installSignalHandlers: true).GetAwaiter().GetResult();
    }

    /// <summary>The targets that have succeeded so far in this run (Compile skips its restore when Restore is among them).</summary>
    public static IReadOnlyCollection<string> SucceededTargets => BuildContext.Current.SucceededTargets;

    /// <summary>The share of a partitioned target's work this run does (<c>--partition i/n</c>); the whole by default.</summary>
    public static Partition Partition => BuildContext.Current.Partition;

    /// <summary>
    /// Cancelled when the work in progress must stop: inside a target, on Ctrl-C or when a target running at the same
    /// time fails; elsewhere on Ctrl-C. Tools started through <see cref="Tooling.ProcessRunner"/> are killed with it
    /// already; pass it to other long-running work (a service being started, a download).
    /// </summary>
    public static CancellationToken CancellationToken => BuildContext.Current.Cancellation;

    /// <summary>
    /// The build as one of its components, to read a member the component declares (default interface members are
    /// not members of the class): <c>From&lt;IHazConfiguration&gt;().Configuration</c>, without a cast.
    /// </summary>
    /// <exception cref="KilnException">The build does not implement <typeparamref name="T"/>.</exception>
    protected T From<T>()
        where T : class =>
        this as T ?? throw new KilnException($"The build does not implement {typeof(T).Name}: add it to the build class's interfaces.");

    /// <summary>Sets the note shown beside the running target in the summary table (test counts, package names).</summary>
    public static void ReportSummary(string note)
    {
        if (BuildContext.CurrentTarget is { } target)
        {
            target.Note = note;
        }
    }

    /// <summary>Adds Markdown (a coverage summary, say) to the page CI shows for the run: the GitHub step summary; ignored elsewhere.</summary>
    public static void AppendStepSummary(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        BuildContext.Current.Host.AppendStepSummary(markdown);
    }

    /// <summary>
    /// Masks a secret the build learns while it runs (a token read from a file, a key a service hands out): from here
    /// on every occurrence, and the credentials inside it such as a connection string's AccountKey, prints as ***,
    /// in log messages, tool output, failure notes and the summary. <see cref="SecretAttribute">[Secret]</see>
    /// parameters are masked without this. Null, empty and blank values are ignored.
    /// </summary>
    /// <param name="secret">The value to hide.</param>
    public static void MaskSecret(string? secret) => BuildContext.Current.Host.Masker.Add(secret);

    private static string TargetName<T>(Expression<Func<T, Target>> selector) =>
        Definition.ExpressionText.MemberOf(selector)?.Name
            ?? throw new KilnException($"Default target '{selector}' must name a target property, as x => x.Test.");
}
