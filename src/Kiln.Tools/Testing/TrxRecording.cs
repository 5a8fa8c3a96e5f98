using System.Xml;
using Kiln.Reporting;
using Kiln.Tooling;

namespace Kiln.Testing;

/// <summary>
/// After <c>dotnet test</c>, the counts of the TRX files its trx loggers wrote go on the running target's record, so
/// that every build that tests through <see cref="DotNet.TestAsync"/> with a trx logger gets them in artifacts/run.json.
/// </summary>
internal static class TrxRecording
{
    /// <summary>Records the counts of each TRX file the settings name that the run wrote (modified since it started).</summary>
    public static void Record(DotNetTestSettings settings, DateTime startedUtc)
    {
        foreach (var file in TrxFiles(settings).Where(file => File.Exists(file) && File.GetLastWriteTimeUtc(file) >= startedUtc))
        {
            try
            {
                RunRecorder.RecordTests(TestCounts.FromTrx(file));
            }
            catch (Exception exception) when (exception is KilnException or XmlException or IOException or FormatException)
            {
                // A broken TRX is the test step's to report; the record just goes without its counts.
            }
        }
    }

    /// <summary>
    /// The TRX report of Microsoft.Testing.Platform, and the files of the "trx;LogFileName=..." loggers: an absolute name as it is, a relative one under the results
    /// directory (where dotnet test puts it); without a results directory or a file name, dotnet picks a name Kiln cannot know.
    /// </summary>
    public static IEnumerable<string> TrxFiles(DotNetTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Platform == TestPlatform.MicrosoftTestingPlatform && settings.TrxReportFileName is { Length: > 0 } report)
        {
            if (Path.IsPathRooted(report))
            {
                yield return report;
            }
            else if (settings.ResultsDirectory is { } directory)
            {
                yield return Path.GetFullPath(Path.Combine(settings.WorkingDirectory ?? Directory.GetCurrentDirectory(), directory, report));
            }
        }

        foreach (var logger in settings.Loggers)
        {
            var parts = logger.Split(';');
            if (!parts[0].Trim().Equals("trx", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = parts.Skip(1)
                .Select(part => part.Split('=', 2))
                .Where(pair => pair.Length == 2 && pair[0].Trim().Equals("LogFileName", StringComparison.OrdinalIgnoreCase))
                .Select(pair => pair[1].Trim())
                .FirstOrDefault();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (Path.IsPathRooted(name))
            {
                yield return name;
            }
            else if (settings.ResultsDirectory is { } results)
            {
                yield return Path.GetFullPath(Path.Combine(settings.WorkingDirectory ?? Directory.GetCurrentDirectory(), results, name));
            }
        }
    }
}
