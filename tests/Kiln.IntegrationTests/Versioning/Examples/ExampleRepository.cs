using System.Diagnostics;

namespace Kiln.IntegrationTests.Versioning.Examples;

/// <summary>
/// A temporary folder in which an example's script builds its history with real git: every git command runs one
/// minute after the previous one (fixed author and committer dates), with no user or system git configuration.
/// </summary>
public sealed class ExampleRepository : IDisposable
{
    // Each git call advances a fixed clock by a minute, so commit order and dates are the same on every run.
    private const string Prelude = """
        set -euo pipefail
        clock=1700000000
        git() {
          clock=$((clock + 60))
          GIT_AUTHOR_DATE="@$clock +0000" GIT_COMMITTER_DATE="@$clock +0000" command git "$@"
        }

        """;

    public ExampleRepository()
    {
        Folder = Path.Combine(Path.GetTempPath(), "kiln-example-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Runs the script in the folder with bash; fails with git's output when a command fails.</summary>
    public async Task RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-s");
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_AUTHOR_NAME"] = "Example",
            ["GIT_AUTHOR_EMAIL"] = "example@example.org",
            ["GIT_COMMITTER_NAME"] = "Example",
            ["GIT_COMMITTER_EMAIL"] = "example@example.org",
            ["LC_ALL"] = "C",
        })
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(Prelude + script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The example script failed ({process.ExitCode}):\n{await error}\n{await output}");
        }
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test's result matters.
        }
    }
}
