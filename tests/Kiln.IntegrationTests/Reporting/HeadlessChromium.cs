using System.Diagnostics;

namespace Kiln.IntegrationTests.Reporting;

/// <summary>Debian's chromium package, run headless to render a page and print the DOM it built.</summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static bool IsInstalled => File.Exists(Executable);

    /// <summary>Opens the file as file:// with no network, extensions or profile of its own, and returns the rendered DOM.</summary>
    public static async Task<string> DumpDomAsync(string file)
    {
        var profile = Path.Combine(Path.GetTempPath(), "kiln-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(profile);
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--dump-dom", new Uri(file).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Executable} --dump-dom {file} did not finish within {Timeout}.{Environment.NewLine}{await errors}");
            }

            Assert.True(process.ExitCode == 0, $"{Executable} exited with {process.ExitCode}.{Environment.NewLine}{await errors}");
            return await output;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
