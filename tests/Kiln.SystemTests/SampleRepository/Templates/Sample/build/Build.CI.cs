using Kiln;
using Kiln.GitHubActions;
using Kiln.Testing;

/// <summary>
/// The sample's workflow, which the system tests rehearse: UnitTest on an OS matrix, then TestReport on another runner,
/// which reports on the results UnitTest's job handed on as an artifact.
/// </summary>
[GitHubActions(
    "ci",
    On = [GitHubActionsTrigger.Push],
    OnPushBranches = ["main"],
    InvokedTargets = [nameof(UnitTest), nameof(TestReport)],
    CrossPlatformTargets = [nameof(UnitTest)])]
partial class Build
{
    Target TestReport => _ => _
        .Description("Reports the counts of the TRX file UnitTest left, on UnitTest's runner or on one that downloaded it.")
        .DependsOn(UnitTest)
        .Consumes(UnitTest)
        .Executes(() => ReportSummary($"{TestCounts.FromTrx(TestResultsDirectory / "Sample.Tests.trx")} in the results UnitTest left"));
}
