using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kiln.IntegrationTests;

/// <summary>
/// A running <c>bash build.sh ...</c> in a sample root, with both streams read as they come. The child
/// gets a plain local environment: no CI host, no KILN_ options, no sample parameters, no colours.
/// </summary>
internal sealed class BuildProcess : IDisposable
{
    /// <summary>How long one run may take before it is killed and the test fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    // Parameters of the sample build (compared as the engine does: letters and digits, lower case), so a stray
    // FLAVOR or API_KEY on the machine cannot change what the tests see.
    private static readonly string[] SampleParameters = ["apikey", "flavor"];

    private readonly Process process;
    private readonly string commandLine;
    private readonly List<string> standardOutput = [];
    private readonly List<string> standardError = [];
    private readonly Task pumps;

    private BuildProcess(Process process, string commandLine)
    {
        this.process = process;
        this.commandLine = commandLine;
        pumps = Task.WhenAll(Pump(process.StandardOutput, standardOutput), Pump(process.StandardError, standardError));
    }

    public int Id => process.Id;

    public static BuildProcess Start(string root, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("build.sh");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(IsRemoved).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";

        // build.sh's compile leaves no MSBuild worker nodes behind after the tests.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        process.StandardInput.Close();
        return new BuildProcess(process, "./build.sh " + string.Join(' ', arguments));
    }

    /// <summary>Runs build.sh to the end.</summary>
    public static async Task<BuildRun> RunAsync(
        string root,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        using var build = Start(root, arguments, environment);
        return await build.WaitForExitAsync(timeout);
    }

    /// <summary>Waits until a line of standard output matches and returns the match; fails if the build ends or the time is up first.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            lock (standardOutput)
            {
                if (standardOutput.Select(line => pattern.Match(line)).FirstOrDefault(match => match.Success) is { } match)
                {
                    return match;
                }
            }

            if (process.HasExited || clock.Elapsed > timeout)
            {
                var reason = process.HasExited ? "the build ended" : $"{timeout.TotalSeconds:0} s passed";
                throw new Xunit.Sdk.XunitException($"{commandLine}: no line matched /{pattern}/ before {reason}.{Environment.NewLine}{Snapshot(process.HasExited ? process.ExitCode : -1)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the build to end and for its output; kills the whole tree and fails when it takes longer than the timeout.</summary>
    public async Task<BuildRun> WaitForExitAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using (var cancellation = new CancellationTokenSource(limit))
        {
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new Xunit.Sdk.XunitException($"{commandLine} did not finish within {limit} and was killed.{Environment.NewLine}{Snapshot(-1)}");
            }
        }

        // The streams end with the process, unless something it started still holds them.
        await pumps.WaitAsync(TimeSpan.FromSeconds(30));
        return Snapshot(process.ExitCode);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    /// <summary>
    /// Whether a variable of the tests' own environment must not reach a build they start (a CI host's, Kiln's, the
    /// sample's parameters). A build started by a test runs as on a laptop unless the test says otherwise: under CI
    /// (CI=true in .ci/run or the rehearsal) it would otherwise check for drift instead of writing its generated files.
    /// </summary>
    internal static bool IsRemoved(string name) =>
        name is "GITHUB_ACTIONS" or "GITHUB_STEP_SUMMARY"
            or "CI" or "TF_BUILD" or "GITLAB_CI" or "TEAMCITY_VERSION" or "JENKINS_URL" or "BUILDKITE" or "APPVEYOR"
        || name.StartsWith("KILN_", StringComparison.OrdinalIgnoreCase)
        || SampleParameters.Contains(Normalize(name));

    private static string Normalize(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private BuildRun Snapshot(int exitCode)
    {
        lock (standardOutput)
        {
            lock (standardError)
            {
                return new BuildRun(exitCode, standardOutput.ToList(), standardError.ToList());
            }
        }
    }

    private static async Task Pump(StreamReader reader, List<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
