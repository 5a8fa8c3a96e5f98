using System.Diagnostics;

namespace Kiln.IntegrationTests;

/// <summary>
/// The npm tools the build installs (build/node → .nuke/temp/node, or KILN_NODE_TOOLS when IntegrationTest passes it):
/// workflow validators, JSON Schema validation, Azurite.
/// </summary>
internal static class NodeTools
{
    private static readonly Lazy<string> FolderOnce = new(Find);

    /// <summary>The install folder, with node_modules and the scripts of build/node.</summary>
    public static string Folder => FolderOnce.Value;

    /// <summary>Runs a program to its end (a minute at most) and returns its exit code and everything it printed.</summary>
    public static async Task<ValidatorResult> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new ValidatorResult(process.ExitCode, await output + await error);
    }

    private static string Find()
    {
        var folder = Environment.GetEnvironmentVariable("KILN_NODE_TOOLS") is { Length: > 0 } given
            ? given
            : Path.Combine(RepositoryRoot.Path, ".nuke", "temp", "node");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException($"The npm tools are not installed in {folder}: run ./build.sh IntegrationTest, which installs them with npm ci.");
        }

        return folder;
    }
}

/// <summary>A validator's exit code and output.</summary>
internal sealed record ValidatorResult(int ExitCode, string Output);
