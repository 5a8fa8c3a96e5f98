using Kiln.Lifecycle;

namespace Kiln.GitHubActions;

/// <summary>
/// Declares a GitHub Actions workflow, <c>.github/workflows/&lt;name&gt;.yml</c>, generated from the target graph:
/// one job per invoked target (and per target marked <see cref="GitHubActionsJobAttribute.OwnJob"/>), <c>needs:</c>
/// from the graph, artifacts from Produces/Consumes, a matrix for Partition. Repeat the attribute for more workflows.
/// The engine keeps the files in step with the build through <see cref="IGeneratesFiles"/>: updated locally, checked on
/// CI, written by <c>./build.sh --generate-workflows</c>. Derive from it to add steps to jobs (<see cref="AddedSteps"/>).
/// </summary>
/// <param name="name">The workflow's file name (without .yml) and display name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public class GitHubActionsAttribute(string name) : Attribute, IGeneratesFiles
{
    /// <summary>The workflow's file name (without .yml) and display name.</summary>
    public string Name { get; } = name;

    /// <summary>The events the workflow runs on.</summary>
    public GitHubActionsTrigger[] On { get; set; } = [];

    /// <summary>Branches whose pushes run the workflow.</summary>
    public string[] OnPushBranches { get; set; } = [];

    /// <summary>Branches whose pushes do not run it.</summary>
    public string[] OnPushBranchesIgnore { get; set; } = [];

    /// <summary>Tags whose pushes run it.</summary>
    public string[] OnPushTags { get; set; } = [];

    /// <summary>Only pushes touching these paths run it.</summary>
    public string[] OnPushPaths { get; set; } = [];

    /// <summary>Pushes touching only these paths do not run it.</summary>
    public string[] OnPushPathsIgnore { get; set; } = [];

    /// <summary>Target branches of pull requests that run it.</summary>
    public string[] OnPullRequestBranches { get; set; } = [];

    /// <summary>Target branches of pull requests that do not run it.</summary>
    public string[] OnPullRequestBranchesIgnore { get; set; } = [];

    /// <summary>Only pull requests touching these paths run it.</summary>
    public string[] OnPullRequestPaths { get; set; } = [];

    /// <summary>Pull requests touching only these paths do not run it.</summary>
    public string[] OnPullRequestPathsIgnore { get; set; } = [];

    /// <summary>Cron expressions for <see cref="GitHubActionsTrigger.Schedule"/>.</summary>
    public string[] OnCronSchedule { get; set; } = [];

    /// <summary>Release activity types (published, created, ...) for <see cref="GitHubActionsTrigger.Release"/>.</summary>
    public string[] OnReleaseTypes { get; set; } = [];

    /// <summary>Parameters offered as workflow_dispatch inputs (bool: boolean, enum: choice, other: string).</summary>
    public string[] WorkflowDispatchInputs { get; set; } = [];

    /// <summary>Of the <see cref="WorkflowDispatchInputs"/>, those chosen from the repository's deployment environments (type: environment).</summary>
    public string[] EnvironmentInputs { get; set; } = [];

    /// <summary>The targets the workflow runs, each as a job.</summary>
    public string[] InvokedTargets { get; set; } = [];

    /// <summary>The runner image of every job.</summary>
    public GitHubActionsImage Image { get; set; } = GitHubActionsImage.UbuntuLatest;

    /// <summary>Targets whose jobs run on every image in <see cref="CrossPlatformImages"/> (fail-fast off).</summary>
    public string[] CrossPlatformTargets { get; set; } = [];

    /// <summary>The images of the cross-platform jobs.</summary>
    public GitHubActionsImage[] CrossPlatformImages { get; set; } = [GitHubActionsImage.UbuntuLatest, GitHubActionsImage.WindowsLatest, GitHubActionsImage.MacOSLatest];

    /// <summary>Parameters bound to repository secrets (<c>secrets.NAME</c>, NAME being the parameter's environment name).</summary>
    public string[] ImportSecrets { get; set; } = [];

    /// <summary>Parameters bound to configuration variables (<c>vars.NAME</c>).</summary>
    public string[] ImportVariables { get; set; } = [];

    /// <summary>Minutes before a job is cancelled, unless its target says otherwise.</summary>
    public int TimeoutMinutes { get; set; } = 30;

    /// <summary>
    /// The default branch: runs there are never cancelled by newer ones. Unset, it is the repository's own default branch
    /// as GitHub reports it (<c>github.event.repository.default_branch</c>), main or master alike.
    /// </summary>
    public string? DefaultBranch { get; set; }

    /// <summary>Checkout depth: 0 (full history) because versions are computed from history.</summary>
    public int FetchDepth { get; set; }

    /// <summary>Action references replacing the built-in table, as "actions/checkout@v5", or pinned to a commit with its version as a comment: "actions/checkout@&lt;40-hex sha&gt; # v6.0.0".</summary>
    public string[] ActionVersions { get; set; } = [];

    /// <summary>
    /// The steps a derived attribute adds to the job of <paramref name="target"/>, after the step that runs it and before
    /// those of <see cref="GitHubActionsStepAttribute"/>s: a cache, a login, a custom action. Each is checked and
    /// pinned as a <c>[GitHubActionsStep]</c> is (its <see cref="GitHubActionsStepAttribute.Workflow"/> and
    /// <see cref="GitHubActionsStepAttribute.Target"/> are the ones given here); its permissions go to that job alone.
    /// </summary>
    /// <param name="target">The target the job runs.</param>
    protected virtual IEnumerable<GitHubActionsStepAttribute> AddedSteps(BuildTarget target) => [];

    /// <summary>The steps <see cref="AddedSteps"/> gives the job of <paramref name="target"/>.</summary>
    internal IReadOnlyList<GitHubActionsStepAttribute> StepsAddedTo(BuildTarget target) => AddedSteps(target).ToList();

    /// <summary>The set of files every <c>[GitHubActions]</c> of a build writes together.</summary>
    string IGeneratesFiles.GeneratedFilesName => "workflows";

    /// <inheritdoc/>
    IEnumerable<AbsolutePath> IGeneratesFiles.ExistingGeneratedFiles(AbsolutePath rootDirectory)
    {
        var folder = rootDirectory / ".github" / "workflows";
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Select(AbsolutePath.Create) : [];
    }

    /// <inheritdoc/>
    void IGeneratesFiles.GenerateFiles(BuildModel build, GeneratedFilesMode mode) => WorkflowGenerator.Apply(build, mode);
}
