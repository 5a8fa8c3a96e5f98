namespace Kiln.Publishing;

/// <summary>
/// Publishes packages and their symbols to a NuGet source so that running it again is always safe: a version the
/// source has already is skipped with a note (after a partial failure, a rerun finishes the job), and a different
/// package under a version a folder feed has is an error, never an overwrite. Refusals (Debug configuration,
/// uncommitted changes, a missing API key, a pre-release to a stable-only source) come before anything is pushed.
/// <code>
/// var source = NuGetSource.Parse(NuGetSource, RootDirectory);
/// var publisher = new NuGetPublisher(source, NuGetApiKey, NuGetStableOnly)
/// {
///     Configuration = Configuration.ToString(),
///     RepositoryRoot = RootDirectory,
/// };
/// var results = await publisher.PublishAsync(Directory.GetFiles(RootDirectory / "artifacts" / "packages", "*.nupkg"), cancellationToken);
/// ReportSummary(PublishResult.Summarize(results));
/// </code>
/// </summary>
public sealed class NuGetPublisher
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(100) };

    private readonly NuGetSource source;
    private readonly string? apiKey;
    private readonly bool stableOnly;

    /// <summary>A publisher to the source; the API key is masked in all output from here on.</summary>
    /// <param name="source">A folder feed or an http(s) v3 source.</param>
    /// <param name="apiKey">The key an http source needs (a folder feed needs none).</param>
    /// <param name="stableOnly">Whether the source takes stable versions only: pre-releases are refused.</param>
    public NuGetPublisher(NuGetSource source, string? apiKey = null, bool stableOnly = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
        this.apiKey = apiKey;
        this.stableOnly = stableOnly;
        KilnBuild.MaskSecret(apiKey);
    }

    /// <summary>The configuration the packages were built in; when set, anything but Release is refused.</summary>
    public string? Configuration { get; init; }

    /// <summary>The git working tree the packages were built from; when set, uncommitted changes there are refused.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Publishes each .nupkg, with the .snupkg beside it, in the given order.</summary>
    /// <param name="packageFiles">The .nupkg files.</param>
    /// <param name="cancellationToken">Stops between packages and stops a running push.</param>
    /// <returns>What happened to each package, in the given order.</returns>
    /// <exception cref="KilnException">
    /// A refusal, before anything is pushed; a file that is not a package; a version a folder feed has with other
    /// content; a source that does not answer or a push that failed.
    /// </exception>
    public async Task<IReadOnlyList<PublishResult>> PublishAsync(IEnumerable<string> packageFiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(packageFiles);
        var files = packageFiles.ToList();
        if (files.FirstOrDefault(file => file.EndsWith(".snupkg", StringComparison.OrdinalIgnoreCase)) is { } symbols)
        {
            throw new KilnException($"{symbols} is a symbol package: pass the .nupkg files only; the .snupkg beside each is published with it.");
        }

        var packages = files.Select(file => (File: file, Identity: PackageIdentity.FromFile(file))).ToList();
        if (packages.Count == 0)
        {
            throw new KilnException("There are no packages to publish: run Pack first (Publish depends on it).");
        }

        var refusal = (Configuration is null ? null : PublishPreconditions.Configuration(Configuration))
            ?? PublishPreconditions.ApiKey(source, apiKey)
            ?? PublishPreconditions.StableOnly(packages.Select(package => package.Identity), source, stableOnly)
            ?? (RepositoryRoot is null ? null : await PublishPreconditions.WorkingTreeAsync(RepositoryRoot, cancellationToken).ConfigureAwait(false));
        if (refusal is not null)
        {
            throw new KilnException(refusal);
        }

        var remote = source.IsRemote ? new RemoteFeed(source, Http) : null;
        var folder = source.Folder is { } path ? new FolderFeed(path) : null;
        var results = new List<PublishResult>();
        foreach (var (file, identity) in packages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = remote is not null
                ? await remote.PublishAsync(file, identity, apiKey!, cancellationToken).ConfigureAwait(false)
                : folder!.Publish(file, identity);
            Log.Information(outcome == PublishOutcome.Published
                ? $"{identity} published to {source}."
                : $"{identity} is already published to {source}: skipped.");
            results.Add(new PublishResult(identity, outcome));
        }

        return results;
    }
}
