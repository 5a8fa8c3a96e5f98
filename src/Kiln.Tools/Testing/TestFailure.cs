using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kiln.Testing;

/// <summary>
/// A test that failed, read from a TRX file: its name, the first line of its message, and where in the
/// repository it failed (the first stack frame in a file under the root, or in a deterministic build's /_/ path to
/// a file that exists under the root), for an annotation on that line.
/// </summary>
/// <param name="TestName">The test's full name.</param>
/// <param name="Message">The first line of the failure message.</param>
/// <param name="File">The file of the first stack frame inside the repository, relative to the root with <c>/</c>; null when no frame is.</param>
/// <param name="Line">The line of that frame; null when there is no such frame.</param>
public sealed partial record TestFailure(string TestName, string Message, string? File, int? Line)
{
    /// <summary>The outcomes that count as failures, as <see cref="TestCounts"/> counts them.</summary>
    private static readonly HashSet<string> FailedOutcomes = new(StringComparer.OrdinalIgnoreCase) { "Failed", "Error", "Timeout", "Aborted" };

    /// <summary>The prefix deterministic CI builds (ContinuousIntegrationBuild) write instead of the repository root.</summary>
    private const string DeterministicRoot = "/_/";

    /// <summary>Reads every failed test of a TRX file, in the file's order.</summary>
    /// <param name="path">The TRX file.</param>
    /// <param name="rootDirectory">The repository root: stack frames in files under it locate the failure.</param>
    public static IReadOnlyList<TestFailure> FromTrx(string path, string rootDirectory)
    {
        XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var run = XDocument.Load(path).Root
            ?? throw new KilnException($"{path} is not a TRX file: delete it and run the tests again.");
        return run.Elements(trx + "Results").Elements(trx + "UnitTestResult")
            .Where(result => FailedOutcomes.Contains(result.Attribute("outcome")?.Value ?? string.Empty))
            .Select(result =>
            {
                var error = result.Element(trx + "Output")?.Element(trx + "ErrorInfo");
                return Create(
                    result.Attribute("testName")?.Value ?? "(unnamed test)",
                    error?.Element(trx + "Message")?.Value,
                    error?.Element(trx + "StackTrace")?.Value,
                    rootDirectory);
            })
            .ToList();
    }

    /// <summary>A failure from the parts a test runner reports.</summary>
    /// <param name="testName">The test's full name.</param>
    /// <param name="message">The failure message; only its first non-empty line is kept.</param>
    /// <param name="stackTrace">The stack trace, with frames such as <c>at T.M() in /repo/tests/T.cs:line 42</c>.</param>
    /// <param name="rootDirectory">The repository root.</param>
    public static TestFailure Create(string testName, string? message, string? stackTrace, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(testName);
        ArgumentNullException.ThrowIfNull(rootDirectory);
        var firstLine = (message ?? string.Empty).ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim())
            .FirstOrDefault(line => line.Length > 0) ?? "The test failed without a message.";
        foreach (Match frame in StackFrameLocation().Matches(stackTrace ?? string.Empty))
        {
            if (RelativeToRoot(frame.Groups["file"].Value.Trim(), rootDirectory) is { } file)
            {
                return new TestFailure(testName, firstLine, file, int.Parse(frame.Groups["line"].Value, CultureInfo.InvariantCulture));
            }
        }

        return new TestFailure(testName, firstLine, null, null);
    }

    private static string? RelativeToRoot(string file, string rootDirectory)
    {
        // Every package built deterministically writes /_/ too (xunit's asserts, say): the frame is this repository's
        // only when the file is there.
        if (file.StartsWith(DeterministicRoot, StringComparison.Ordinal))
        {
            var relativeFile = file[DeterministicRoot.Length..].Replace('\\', '/');
            return System.IO.File.Exists(Path.Combine(rootDirectory, relativeFile)) ? relativeFile : null;
        }

        if (!Path.IsPathRooted(file))
        {
            return null;
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(rootDirectory), Path.GetFullPath(file));
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.Replace('\\', '/');
    }

    /// <summary>A .NET stack frame with a source location: <c>at Type.Method() in /path/File.cs:line 42</c>.</summary>
    [GeneratedRegex(@"^\s*at .+? in (?<file>.+):line (?<line>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex StackFrameLocation();
}
