using Kiln;
using Kiln.GitHubActions;
using Kiln.Testing;

/// <summary>
/// The sample's workflow, which the system tests rehearse: UnitTest on an OS matrix, then TestReport on another runner,
/// which reports on the results UnitTest's job handed on as an artifact, and a step added after it lists them.
/// </summary>
[GitHubActions(
    "ci",
    On = [GitHubActionsTrigger.Push],
    OnPushBranches = ["main"],
    InvokedTargets = [nameof(UnitTest), nameof(TestReport)],
    CrossPlatformTargets = [nameof(UnitTest)])]
[GitHubActionsStep("ci", nameof(TestReport), "List the results", Run = "echo \"results on this runner: $(ls artifacts/test-results)\"")]
partial class Build
{
    Target TestReport => _ => _
        .Description("Reports the counts of the TRX file UnitTest left, on UnitTest's runner or on one that downloaded it.")
        .DependsOn(UnitTest)
        .Consumes(UnitTest)
        .Executes(() => ReportSummary($"{TestCounts.FromTrx(TestResultsDirectory / "Sample.Tests.trx")} in the results UnitTest left"));
}
