using Azure;
using Azure.Identity;
using Kiln;
using Kiln.Azure;
using Kiln.Azure.Authentication;
using Kiln.Azure.Releases;
using Kiln.Components;
using Kiln.GitHub;
using Kiln.GitHubActions;
using Kiln.Services;
using Kiln.Tooling;

/// <summary>
/// Deploy, Promote and Rollback: versioned releases in Blob Storage, one pointer per environment (docs/deploying.md).
/// With no storage configured they use a local Azurite with its data under .nuke/temp/azurite: the same code, another endpoint.
/// </summary>
partial class Build
{
    /// <summary>The environments, from the branch model: develop anywhere, main/release/tags to test and staging, tags alone to production.</summary>
    static readonly DeployEnvironment[] DeployEnvironments =
    [
        new("development", Container: "kiln-preview", PathPrefix: "kiln/", AllowedRefs: ["*"], GitHubEnvironment: "development"),
        new("test", Container: "kiln-preview", PathPrefix: "kiln/", AllowedRefs: ["refs/heads/main", "refs/heads/release/*", "refs/tags/v*"], GitHubEnvironment: "test"),
        new("staging", Container: "kiln-releases", PathPrefix: "kiln/", AllowedRefs: ["refs/heads/main", "refs/heads/release/*", "refs/tags/v*"], GitHubEnvironment: "staging"),
        new("production", Container: "kiln-releases", PathPrefix: "kiln/", AllowedRefs: ["refs/tags/v*"], GitHubEnvironment: "production") { RefusesLocalDeploys = true },
    ];

    [Parameter("The environment Deploy and Rollback act on: development (the default), test, staging or production.", Name = "Environment")]
    readonly string DeployEnvironmentName = "development";

    [Parameter("The environment Promote takes its release from.", Name = "From")]
    readonly string? PromoteFrom;

    [Parameter("The environment Promote moves the release to.", Name = "To")]
    readonly string? PromoteTo;

    [Parameter("The version Rollback goes back to (default: the version before the current one).")]
    readonly string? ToVersion;

    [Parameter("Connection string of the release storage account (SharedKey or SAS). Without it and --storage-account-url, a local Azurite.", EnvironmentVariable = "AZURE_STORAGE_CONNECTION_STRING"), Secret]
    readonly string? StorageConnectionString;

    [Parameter("Blob endpoint of the release storage account (https://account.blob.core.windows.net), signed in with Microsoft Entra ID: OIDC on GitHub Actions, else DefaultAzureCredential.")]
    readonly string? StorageAccountUrl;

    [Parameter("Tenant of the app registration or managed identity that deploys (OIDC on GitHub Actions).")]
    readonly string? AzureTenantId;

    [Parameter("Client (application) id of the app registration or managed identity that deploys (OIDC on GitHub Actions).")]
    readonly string? AzureClientId;

    [Parameter("Lets a local machine deploy, promote or roll back production (otherwise CI alone does).")]
    readonly bool AllowLocalProduction;

    const string StorageMissingOnCI = "No release storage on CI: set STORAGE_ACCOUNT_URL with AZURE_TENANT_ID and AZURE_CLIENT_ID (OIDC; the job has id-token: write), or the secret AZURE_STORAGE_CONNECTION_STRING; see docs/deploying.md.";

    Target Deploy => _ => Deploys(_, () => DeployEnvironmentName)
        .Description("Deploys the packages, coverage, SBOM, SARIF and release notes to releases/<version>/ and points --environment (default development) at it.");

    // The release workflow deploys twice with different environments; a generated job runs one target with the
    // workflow's parameters, so each environment it deploys to gets a target of its own over the same definition.
    // Staging's job runs in the GitHub environment 'staging' too, which has no approvals: it gives the job a stable
    // OIDC subject (repo:OWNER/REPO:environment:staging) to federate, where a tag's job would get one per tag.
    [GitHubActionsJob(Environment = "staging", Permissions = ["id-token: write"])]
    Target DeployStaging => _ => Deploys(_, () => "staging")
        .Description("Deploy --environment staging (the release workflow's staging job).");

    [GitHubActionsJob(Environment = "production", Permissions = ["id-token: write"])]
    Target DeployProduction => _ => Deploys(_, () => "production")
        .DependsOn(DeployStaging)
        .Description("Deploy --environment production once staging took the release (the release workflow's production job, behind its approvals).");

    /// <summary>What every deploy target is: Pack's packages with Test's and Scan's reports, to one environment, checked before anything runs.</summary>
    ITargetDefinition Deploys(ITargetDefinition target, Func<string> environment) => target
        .DependsOn(Pack)
        .Consumes(Pack)
        .Consumes(Test)
        .Consumes<IScan>(x => x.Scan)
        .Requires(
            () => IsLocalBuild || !string.IsNullOrWhiteSpace(StorageConnectionString) || !string.IsNullOrWhiteSpace(StorageAccountUrl) && !string.IsNullOrWhiteSpace(AzureTenantId) && !string.IsNullOrWhiteSpace(AzureClientId),
            StorageMissingOnCI)
        .Requires(() => DeployAllowed(environment()))
        .Executes(cancellationToken => DeployToAsync(environment(), cancellationToken));

    Target Promote => _ => _
        .Description("Points --to at the release --from runs: server-side copy of its verified bytes when their containers differ; never rebuilds.")
        .Requires(() => PromoteFrom, () => PromoteTo)
        .Requires(() => PointerMoveAllowed(PromoteTo!) && EnvironmentNamed(PromoteFrom!) != null)
        .Executes(async cancellationToken =>
        {
            var from = EnvironmentNamed(PromoteFrom!);
            var to = EnvironmentNamed(PromoteTo!);
            await using var storage = await OpenStorageAsync(cancellationToken);
            var result = await RunStoreAsync(storage, async () => await Store(storage, to).PromoteAsync(Store(storage, from), from.Name, to.Name, await OriginAsync(cancellationToken), cancellationToken));
            Report(result, storage);
        });

    Target Rollback => _ => _
        .Description("Points --environment back at the version before the current one, or at --to-version, once that release verifies.")
        .Requires(() => PointerMoveAllowed(DeployEnvironmentName))
        .Executes(async cancellationToken =>
        {
            var environment = EnvironmentNamed(DeployEnvironmentName);
            await using var storage = await OpenStorageAsync(cancellationToken);
            var result = await RunStoreAsync(storage, async () => await Store(storage, environment).RollbackAsync(environment.Name, ToVersion, await OriginAsync(cancellationToken), cancellationToken));
            Report(result, storage);
        });

    async Task DeployToAsync(string environmentName, CancellationToken cancellationToken)
    {
        var environment = EnvironmentNamed(environmentName);
        var version = ((IHazGitVersion)this).Versions.SemVer;
        var bundle = ReleaseBundleOf(version);
        await using var storage = await OpenStorageAsync(cancellationToken);
        var result = await RunStoreAsync(storage, async () => await Store(storage, environment).DeployAsync(bundle, environment.Name, await OriginAsync(cancellationToken), cancellationToken));
        Report(result, storage);
    }

    /// <summary>What a release holds: the packages, and when present the coverage report, the SBOM, the SARIF log and the version's CHANGELOG section.</summary>
    static ReleaseBundle ReleaseBundleOf(string version)
    {
        var bundle = new ReleaseBundle(version).AddDirectory("packages", PackagesDirectory, path => path.EndsWith("nupkg", StringComparison.Ordinal));
        if (Directory.Exists(CoverageDirectory))
        {
            bundle.AddDirectory("coverage", CoverageDirectory, path => !path.StartsWith("raw/", StringComparison.Ordinal));
        }

        foreach (var (file, path) in new[] { (ArtifactsDirectory / "scan" / "sbom.cdx.json", "sbom.cdx.json"), (ArtifactsDirectory / "scan" / "kiln.sarif", "kiln.sarif") })
        {
            if (File.Exists(file))
            {
                bundle.AddFile(path, file);
            }
        }

        if (ChangelogSection(version) is { } notes)
        {
            bundle.AddContent("RELEASE-NOTES.md", System.Text.Encoding.UTF8.GetBytes($"# {version}\n\n{notes}\n"));
        }

        return bundle;
    }

    /// <summary>The version's CHANGELOG.md section, or null when it has none (a pre-release usually has none).</summary>
    static string? ChangelogSection(string version)
    {
        try
        {
            return ReleaseNotes.FromChangelog(RootDirectory / "CHANGELOG.md", version);
        }
        catch (KilnException)
        {
            return null;
        }
    }

    static DeployEnvironment EnvironmentNamed(string name) =>
        DeployEnvironments.FirstOrDefault(environment => environment.Name == name)
        ?? throw new KilnException($"There is no environment '{name}': use one of {string.Join(", ", DeployEnvironments.Select(environment => environment.Name))} (build/Build.Deploy.cs declares them).");

    /// <summary>
    /// The refusals that must come before anything runs (Pack takes minutes): an unknown environment, a ref it does not
    /// take, production from a laptop without consent, and a bad storage setting. A Requires condition that throws a
    /// KilnException stops the build with that one line.
    /// </summary>
    bool DeployAllowed(string environmentName)
    {
        if (EnvironmentNamed(environmentName).Refusal(CurrentGitRef(), IsLocalBuild, AllowLocalProduction) is { } refusal)
        {
            throw new KilnException(refusal);
        }

        StorageSettings();
        return true;
    }

    /// <summary>
    /// Promote and Rollback move a pointer onto a release that exists already, built from whatever ref deployed it (its
    /// commit is in the history): they check the environment, the consent for production from a laptop, and the storage.
    /// </summary>
    bool PointerMoveAllowed(string environmentName)
    {
        var environment = EnvironmentNamed(environmentName);
        if (environment.RefusesLocalDeploys && IsLocalBuild && !AllowLocalProduction)
        {
            throw new KilnException(environment.Refusal(environment.AllowedRefs[0], IsLocalBuild, AllowLocalProduction)!);
        }

        StorageSettings();
        return true;
    }

    /// <summary>The ref being deployed: GITHUB_REF on CI, else the checked-out branch, else a tag at HEAD.</summary>
    static string CurrentGitRef()
    {
        static string? Git(params string[] arguments)
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = RootDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new KilnException("git did not start: install git, then deploy again.");
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }

        var githubRef = System.Environment.GetEnvironmentVariable("GITHUB_REF");
        return GitRefPattern.Resolve(githubRef, githubRef is { Length: > 0 } ? null : Git("symbolic-ref", "-q", "--short", "HEAD"), githubRef is { Length: > 0 } ? null : Git("describe", "--tags", "--exact-match", "HEAD"));
    }

    /// <summary>Where the release storage is and how to sign in; null for the local Azurite. Refuses what cannot work, naming the parameter and never the value.</summary>
    (string? ConnectionString, Uri? AccountUrl)? StorageSettings()
    {
        if (!string.IsNullOrWhiteSpace(StorageConnectionString))
        {
            try
            {
                _ = new BlobServiceClient(StorageConnectionString);
            }
            catch (FormatException exception)
            {
                throw new KilnException($"--storage-connection-string (AZURE_STORAGE_CONNECTION_STRING) is not a usable connection string: {exception.Message}");
            }

            return (StorageConnectionString, null);
        }

        if (!string.IsNullOrWhiteSpace(StorageAccountUrl))
        {
            if (!Uri.TryCreate(StorageAccountUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.Query.Length > 0)
            {
                throw new KilnException("--storage-account-url (STORAGE_ACCOUNT_URL) must be the account's https Blob endpoint without a query, as https://account.blob.core.windows.net (a SAS goes in --storage-connection-string).");
            }

            return (null, url);
        }

        if (IsServerBuild)
        {
            throw new KilnException("No release storage on CI: set --storage-account-url (STORAGE_ACCOUNT_URL, with AZURE_TENANT_ID and AZURE_CLIENT_ID for OIDC) or --storage-connection-string (AZURE_STORAGE_CONNECTION_STRING); the local Azurite is for local runs.");
        }

        return null;
    }

    /// <summary>The configured storage account, or a local Azurite with its data under .nuke/temp/azurite (kept across runs).</summary>
    async Task<ReleaseStorage> OpenStorageAsync(CancellationToken cancellationToken)
    {
        var options = new BlobClientOptions();
        switch (StorageSettings())
        {
            case ({ } connectionString, _):
                return new ReleaseStorage(new BlobServiceClient(connectionString, options), null, "--storage-connection-string (AZURE_STORAGE_CONNECTION_STRING)");
            case (_, { } accountUrl):
                return new ReleaseStorage(new BlobServiceClient(accountUrl, EntraCredential(), options), null, "--storage-account-url (STORAGE_ACCOUNT_URL) and its Entra ID sign-in (AZURE_TENANT_ID, AZURE_CLIENT_ID; a role such as Storage Blob Data Contributor)");
            default:
                var nodeTools = await NodePackages.EnsureInstalledAsync(RootDirectory / "build" / "node", TemporaryDirectory / "node", cancellationToken);
                var azurite = await Azurite.StartAsync(nodeTools, TemporaryDirectory / "azurite", cancellationToken);
                Log.Information($"No storage configured: deploying to the local Azurite at {azurite.BlobEndpoint} (data in {(TemporaryDirectory / "azurite").RelativeTo(RootDirectory)}, kept across runs).");
                return new ReleaseStorage(new BlobServiceClient(azurite.ConnectionString, options), azurite, "the local Azurite");
        }
    }

    /// <summary>Microsoft Entra ID: the GitHub Actions job's OIDC token when it has one (and the ids are set), else DefaultAzureCredential.</summary>
    Azure.Core.TokenCredential EntraCredential() =>
        GitHubActionsOidcCredential.FromEnvironment(AzureTenantId, AzureClientId, System.Environment.GetEnvironmentVariable) as Azure.Core.TokenCredential
        ?? new DefaultAzureCredential();

    ReleaseStore Store(ReleaseStorage storage, DeployEnvironment environment)
    {
        var service = environment.StorageAccountUrl is { } own && storage.Azurite is null
            ? new BlobServiceClient(own, EntraCredential())
            : storage.Service;
        return new ReleaseStore(service.GetBlobContainerClient(environment.Container), environment.PathPrefix, new ReleaseStoreOptions { Log = message => Log.Information(message) });
    }

    async Task<ReleaseOrigin> OriginAsync(CancellationToken cancellationToken)
    {
        var commit = await ProcessRunner.RunAsync(new ToolCommand("git", ["rev-parse", "HEAD"]) { WorkingDirectory = RootDirectory, EchoOutput = false }, cancellationToken);
        var server = System.Environment.GetEnvironmentVariable("GITHUB_SERVER_URL");
        var repository = System.Environment.GetEnvironmentVariable("GITHUB_REPOSITORY");
        var run = System.Environment.GetEnvironmentVariable("GITHUB_RUN_ID");
        var runUrl = server is { Length: > 0 } && repository is { Length: > 0 } && run is { Length: > 0 } ? new Uri($"{server}/{repository}/actions/runs/{run}") : null;
        return new ReleaseOrigin(commit.StandardOutput.FirstOrDefault()?.Trim(), runUrl);
    }

    /// <summary>Turns the store's refusals and the storage's answers into one line each; a 401/403 names the credential's parameter.</summary>
    static async Task<ReleaseResult> RunStoreAsync(ReleaseStorage storage, Func<Task<ReleaseResult>> operation)
    {
        try
        {
            return await operation();
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

    static void Report(ReleaseResult result, ReleaseStorage storage)
    {
        var moved = result.PointerMoved ? $"now runs {result.Version} (was {result.PreviousVersion ?? "nothing"})" : $"already ran {result.Version}";
        Log.Information($"{result.Environment} {moved}: {result.ReleaseUri} ({result.Files} files; {result.Transferred} transferred, {result.AlreadyPresent} already there and verified); pointer {result.PointerUri}{(storage.Azurite is null ? "" : " on the local Azurite")}.");
        ReportSummary($"{result.Version} → {result.Environment}: {result.ReleaseUri}");
    }

    /// <summary>The Blob service of a run, and the local Azurite behind it when there is one (stopped on dispose; its data stays).</summary>
    sealed record ReleaseStorage(BlobServiceClient Service, Azurite? Azurite, string Credentials) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Azurite is not null)
            {
                await Azurite.DisposeAsync();
            }
        }
    }
}
