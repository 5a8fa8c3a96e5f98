using Kiln.Execution;
using Kiln.Testing;

namespace Kiln.Reporting;

/// <summary>
/// Where the engine and the standard components note what a target found, for the run record (artifacts/run.json):
/// the test runner its counts, the coverage merge its percentage, the version component its version. Each note goes
/// on the running target's result; called outside a target, it is dropped, since there is no row to put it on.
/// </summary>
public static class RunRecorder
{
    /// <summary>Adds test counts to the running target's (a target that runs several test projects adds them up).</summary>
    public static void RecordTests(TestCounts counts)
    {
        if (BuildContext.CurrentTarget is { } target)
        {
            target.Tests = target.Tests is null ? counts : target.Tests + counts;
        }
    }

    /// <summary>Notes the line coverage, in percent, the running target measured.</summary>
    public static void RecordCoverage(double lineCoverage)
    {
        if (BuildContext.CurrentTarget is { } target)
        {
            target.Coverage = lineCoverage;
        }
    }

    /// <summary>Notes the version the running target computed.</summary>
    public static void RecordVersion(string version)
    {
        if (BuildContext.CurrentTarget is { } target)
        {
            target.Version = version;
        }
    }

    /// <summary>Marks the running target as one that only reads the history, so that a run of it alone leaves no record.</summary>
    public static void ExcludeFromHistory()
    {
        if (BuildContext.CurrentTarget is { } target)
        {
            target.IsExcludedFromHistory = true;
        }
    }
}
