using Kiln.GitHubActions;

/// <summary>The workflows CI runs, generated from the targets: ./build.sh --generate-workflows.</summary>
[GitHubActions(
    "ci",
    On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest],
    OnPushBranches = ["main", "develop", "release/**", "hotfix/**"],
    InvokedTargets = [nameof(Compile), nameof(UnitTest), nameof(IntegrationTest), nameof(SystemTest), nameof(Test), nameof(Pack)],
    TimeoutMinutes = 30)]
partial class Build;
