using Azure;
using Azure.Identity;
using Kiln.Azure;
using Kiln.Azure.Authentication;
using Kiln.Azure.Releases;
using Kiln.GitHub;
using Kiln.Services;
using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>What the targets of <see cref="IDeploy"/> do, kept out of the interface so that it reads as a list of members.</summary>
internal static class DeployRun
{
    public const string StorageMissingOnCI = "No release storage on CI: set STORAGE_ACCOUNT_URL with AZURE_TENANT_ID and AZURE_CLIENT_ID (OIDC; the job has id-token: write), or the secret AZURE_STORAGE_CONNECTION_STRING; see docs/deploying.md.";

    public static async Task DeployAsync(IDeploy build, string environmentName, CancellationToken cancellationToken)
    {
        var environment = EnvironmentNamed(build, environmentName);
        var bundle = ReleaseBundleOf(build, build.SemVer);
        await using var storage = await OpenStorageAsync(build, cancellationToken).ConfigureAwait(false);
        var result = await RunStoreAsync(storage, async () => await Store(build, storage, environment).DeployAsync(bundle, environment.Name, await OriginAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        Report(result, storage);
    }

    public static async Task PromoteAsync(IDeploy build, CancellationToken cancellationToken)
    {
        var from = EnvironmentNamed(build, build.PromoteFrom!);
        var to = EnvironmentNamed(build, build.PromoteTo!);
        await using var storage = await OpenStorageAsync(build, cancellationToken).ConfigureAwait(false);
        var result = await RunStoreAsync(storage, async () => await Store(build, storage, to).PromoteAsync(Store(build, storage, from), from.Name, to.Name, await OriginAsync(cancellationToken).ConfigureAwait(false), to.AllowedRefs, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        Report(result, storage);
    }

    public static async Task RollbackAsync(IDeploy build, CancellationToken cancellationToken)
    {
        var environment = EnvironmentNamed(build, build.DeployEnvironmentName);
        await using var storage = await OpenStorageAsync(build, cancellationToken).ConfigureAwait(false);
        var result = await RunStoreAsync(storage, async () => await Store(build, storage, environment).RollbackAsync(environment.Name, build.ToVersion, await OriginAsync(cancellationToken).ConfigureAwait(false), build.AllowUnserved, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        Report(result, storage);
    }

    public static DeployEnvironment EnvironmentNamed(IDeploy build, string name) =>
        build.DeployEnvironments.FirstOrDefault(environment => environment.Name == name)
        ?? throw new KilnException($"There is no environment '{name}': use one of {string.Join(", ", build.DeployEnvironments.Select(environment => environment.Name))} (the build's DeployEnvironments declares them).");

    /// <summary>
    /// The refusals that must come before anything runs (Pack takes minutes): an unknown environment, a ref it does not
    /// take, production from a laptop without consent, and a bad storage setting. A Requires condition that throws a
    /// KilnException stops the build with that one line.
    /// </summary>
    public static bool DeployAllowed(IDeploy build, string environmentName)
    {
        if (EnvironmentNamed(build, environmentName).Refusal(CurrentGitRef(), KilnBuild.IsLocalBuild, build.AllowLocalProduction) is { } refusal)
        {
            throw new KilnException(refusal);
        }

        StorageSettings(build);
        return true;
    }

    /// <summary>
    /// Promote and Rollback move a pointer onto a release that exists already, built from whatever ref deployed it (its
    /// commit is in the history): they check the environment, the consent for production from a laptop, and the storage.
    /// </summary>
    public static bool PointerMoveAllowed(IDeploy build, string environmentName)
    {
        var environment = EnvironmentNamed(build, environmentName);
        if (environment.RefusesLocalDeploys && KilnBuild.IsLocalBuild && !build.AllowLocalProduction)
        {
            throw new KilnException(environment.Refusal(environment.AllowedRefs[0], KilnBuild.IsLocalBuild, build.AllowLocalProduction)!);
        }

        StorageSettings(build);
        return true;
    }

    /// <summary>What a release holds: the packages, and when present the coverage report, the SBOM, the SARIF log and the version's CHANGELOG section.</summary>
    private static ReleaseBundle ReleaseBundleOf(IDeploy build, string version)
    {
        var bundle = new ReleaseBundle(version).AddDirectory("packages", build.PackagesDirectory, path => path.EndsWith("nupkg", StringComparison.Ordinal));
        if (build is IReportCoverage coverage && Directory.Exists(coverage.CoverageDirectory))
        {
            bundle.AddDirectory("coverage", coverage.CoverageDirectory, path => !path.StartsWith("raw/", StringComparison.Ordinal));
        }

        if (build is IScan scan)
        {
            foreach (var (file, path) in new[] { (scan.ScanDirectory / "sbom.cdx.json", "sbom.cdx.json"), (scan.ScanDirectory / "kiln.sarif", "kiln.sarif") })
            {
                if (File.Exists(file))
                {
                    bundle.AddFile(path, file);
                }
            }
        }

        if (ChangelogSection(version) is { } notes)
        {
            bundle.AddContent("RELEASE-NOTES.md", System.Text.Encoding.UTF8.GetBytes($"# {version}\n\n{notes}\n"));
        }

        return bundle;
    }

    /// <summary>The version's CHANGELOG.md section, or null when it has none (a pre-release usually has none).</summary>
    private static string? ChangelogSection(string version)
    {
        try
        {
            return ReleaseNotes.FromChangelog(KilnBuild.RootDirectory / "CHANGELOG.md", version);
        }
        catch (KilnException)
        {
            return null;
        }
    }

    /// <summary>The ref being deployed: GITHUB_REF on CI, else the checked-out branch, else a tag at HEAD.</summary>
    private static string CurrentGitRef()
    {
        static string? Git(params string[] arguments)
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = KilnBuild.RootDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new KilnException("git did not start: install git, then deploy again.");
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }

        var githubRef = Environment.GetEnvironmentVariable("GITHUB_REF");
        return GitRefPattern.Resolve(githubRef, githubRef is { Length: > 0 } ? null : Git("symbolic-ref", "-q", "--short", "HEAD"), githubRef is { Length: > 0 } ? null : Git("describe", "--tags", "--exact-match", "HEAD"));
    }

    /// <summary>Where the release storage is and how to sign in; null for the local Azurite. Refuses what cannot work, naming the parameter and never the value.</summary>
    private static (string? ConnectionString, Uri? AccountUrl)? StorageSettings(IDeploy build)
    {
        if (!string.IsNullOrWhiteSpace(build.StorageConnectionString))
        {
            try
            {
                _ = new BlobServiceClient(build.StorageConnectionString);
            }
            catch (FormatException exception)
            {
                throw new KilnException($"--storage-connection-string (AZURE_STORAGE_CONNECTION_STRING) is not a usable connection string: {exception.Message}");
            }

            return (build.StorageConnectionString, null);
        }

        if (!string.IsNullOrWhiteSpace(build.StorageAccountUrl))
        {
            if (!Uri.TryCreate(build.StorageAccountUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.Query.Length > 0)
            {
                throw new KilnException("--storage-account-url (STORAGE_ACCOUNT_URL) must be the account's https Blob endpoint without a query, as https://account.blob.core.windows.net (a SAS goes in --storage-connection-string).");
            }

            return (null, url);
        }

        if (KilnBuild.IsServerBuild)
        {
            throw new KilnException("No release storage on CI: set --storage-account-url (STORAGE_ACCOUNT_URL, with AZURE_TENANT_ID and AZURE_CLIENT_ID for OIDC) or --storage-connection-string (AZURE_STORAGE_CONNECTION_STRING); the local Azurite is for local runs.");
        }

        return null;
    }

    /// <summary>The configured storage account, or the local Azurite.</summary>
    private static async Task<ReleaseStorage> OpenStorageAsync(IDeploy build, CancellationToken cancellationToken)
    {
        var options = new BlobClientOptions();
        switch (StorageSettings(build))
        {
            case ({ } connectionString, _):
                return new ReleaseStorage(new BlobServiceClient(connectionString, options), null, "--storage-connection-string (AZURE_STORAGE_CONNECTION_STRING)");
            case (_, { } accountUrl):
                return new ReleaseStorage(new BlobServiceClient(accountUrl, EntraCredential(build), options), null, "--storage-account-url (STORAGE_ACCOUNT_URL) and its Entra ID sign-in (AZURE_TENANT_ID, AZURE_CLIENT_ID; a role such as Storage Blob Data Contributor)");
            default:
                var azurite = await build.StartLocalStorageAsync(cancellationToken).ConfigureAwait(false);
                Log.Information($"No storage configured: deploying to the local Azurite at {azurite.BlobEndpoint} (data in {azurite.DataFolder.RelativeTo(KilnBuild.RootDirectory)}, kept across runs).");
                return new ReleaseStorage(new BlobServiceClient(azurite.ConnectionString, options), azurite, "the local Azurite");
        }
    }

    /// <summary>Microsoft Entra ID: the GitHub Actions job's OIDC token when it has one (and the ids are set), else DefaultAzureCredential.</summary>
    private static global::Azure.Core.TokenCredential EntraCredential(IDeploy build) =>
        GitHubActionsOidcCredential.FromEnvironment(build.AzureTenantId, build.AzureClientId, Environment.GetEnvironmentVariable) as global::Azure.Core.TokenCredential
        ?? new DefaultAzureCredential();

    private static ReleaseStore Store(IDeploy build, ReleaseStorage storage, DeployEnvironment environment)
    {
        var service = environment.StorageAccountUrl is { } own && storage.Azurite is null
            ? new BlobServiceClient(own, EntraCredential(build))
            : storage.Service;
        return new ReleaseStore(service.GetBlobContainerClient(environment.Container), environment.PathPrefix, new ReleaseStoreOptions { Log = message => Log.Information(message) });
    }

    private static async Task<ReleaseOrigin> OriginAsync(CancellationToken cancellationToken)
    {
        var commit = await ProcessRunner.RunAsync(new ToolCommand("git", ["rev-parse", "HEAD"]) { WorkingDirectory = KilnBuild.RootDirectory, EchoOutput = false }, cancellationToken).ConfigureAwait(false);
        var server = Environment.GetEnvironmentVariable("GITHUB_SERVER_URL");
        var repository = Environment.GetEnvironmentVariable("GITHUB_REPOSITORY");
        var run = Environment.GetEnvironmentVariable("GITHUB_RUN_ID");
        var runUrl = server is { Length: > 0 } && repository is { Length: > 0 } && run is { Length: > 0 } ? new Uri($"{server}/{repository}/actions/runs/{run}") : null;
        return new ReleaseOrigin(commit.StandardOutput.FirstOrDefault()?.Trim(), runUrl) { GitRef = CurrentGitRef() };
    }

    /// <summary>Turns the store's refusals and the storage's answers into one line each; a 401/403 names the credential's parameter.</summary>
    private static async Task<ReleaseResult> RunStoreAsync(ReleaseStorage storage, Func<Task<ReleaseResult>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (ReleaseStoreException exception) when (exception.InnerException is RequestFailedException { Status: 401 or 403 } denied)
        {
            throw new KilnException($"The storage refused the credentials ({denied.Status} {denied.ErrorCode}): check {storage.Credentials}; nothing was changed.", exception);
        }
        catch (ReleaseStoreException exception)
        {
            throw new KilnException(exception.Message, exception);
        }
        catch (AuthenticationFailedException exception)
        {
            throw new KilnException($"Signing in to the storage with Microsoft Entra ID failed: set AZURE_TENANT_ID and AZURE_CLIENT_ID (OIDC on GitHub Actions, with id-token: write), or sign in with az login; nothing was changed. ({exception.Message.Split('\n')[0]})", exception);
        }
    }

    private static void Report(ReleaseResult result, ReleaseStorage storage)
    {
        var moved = result.PointerMoved ? $"now runs {result.Version} (was {result.PreviousVersion ?? "nothing"})" : $"already ran {result.Version}";
        Log.Information($"{result.Environment} {moved}: {result.ReleaseUri} ({result.Files} files; {result.Transferred} transferred, {result.AlreadyPresent} already there and verified); pointer {result.PointerUri}{(storage.Azurite is null ? "" : " on the local Azurite")}.");
        KilnBuild.ReportSummary($"{result.Version} → {result.Environment}: {result.ReleaseUri}");
    }

    /// <summary>The Blob service of a run, and the local Azurite behind it when there is one (stopped on dispose; its data stays).</summary>
    private sealed record ReleaseStorage(BlobServiceClient Service, Azurite? Azurite, string Credentials) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Azurite is not null)
            {
                await Azurite.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
