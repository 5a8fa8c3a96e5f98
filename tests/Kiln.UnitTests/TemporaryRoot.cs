using System.Text;
using Kiln.Execution;

namespace Kiln.UnitTests;

/// <summary>A temporary repository root (a folder with .nuke) that runs builds in-process and deletes itself.</summary>
internal sealed class TemporaryRoot : IDisposable
{
    public TemporaryRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kiln-unit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(System.IO.Path.Combine(Path, ".nuke"));
    }

    public string Path { get; }

    public string NukeDirectory => System.IO.Path.Combine(Path, ".nuke");

    /// <summary>An environment without CI markers, so the console host is chosen.</summary>
    public static Dictionary<string, string> LocalEnvironment() => new(StringComparer.Ordinal) { ["HOME"] = "/home/user" };

    public void WriteNukeFile(string name, string content) =>
        File.WriteAllText(System.IO.Path.Combine(NukeDirectory, name), content);

    public string ReadFile(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    /// <summary>Runs the build with <c>--root</c> pointing here and returns the exit code and everything printed.</summary>
    public async Task<BuildRun> RunAsync(
        KilnBuild build,
        string[] arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        params string[] defaultTargets)
    {
        using var output = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
        var exitCode = await BuildRunner.RunAsync(
            () => build,
            defaultTargets,
            arguments.Contains("--root") ? arguments : [.. arguments, "--root", Path],
            environment ?? LocalEnvironment(),
            output,
            installSignalHandlers: false);
        return new BuildRun(exitCode, output.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>The outcome of one in-process build run.</summary>
internal sealed record BuildRun(int ExitCode, string Output)
{
    public IReadOnlyList<string> Lines => Output.ReplaceLineEndings("\n").Split('\n');

    /// <summary>The summary row of a target, with runs of spaces collapsed: "Compile Succeeded &lt; 1s".</summary>
    public string Row(string target) =>
        Lines.Select(Collapse).Single(line => line.StartsWith(target + " ", StringComparison.Ordinal) && IsStatusRow(line));

    private static bool IsStatusRow(string line) =>
        Enum.GetNames<TargetStatus>().Any(status => line.Split(' ').Skip(1).FirstOrDefault() == status);

    private static string Collapse(string line) =>
        System.Text.RegularExpressions.Regex.Replace(line.Trim(), " {2,}", " ");
}
