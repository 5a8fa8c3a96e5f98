using System.Diagnostics;
using System.Globalization;
using Kiln.Tooling;

namespace Kiln.IntegrationTests.Tooling;

/// <summary>The process runner with real processes, outside a build (its default context: the console, no cancellation).</summary>
public sealed class ProcessRunnerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kiln-runner-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task ProcessRunner_captures_each_output_line_and_its_stream()
    {
        var result = await ProcessRunner.RunAsync(Shell("echo one; echo two >&2; echo three") with { EchoOutput = false });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["one", "three"], result.StandardOutput);
        Assert.Equal([new ToolOutputLine("two", IsError: true)], result.Output.Where(line => line.IsError));
    }

    [Fact]
    public async Task ProcessRunner_runs_the_tool_in_the_working_directory_with_the_extra_environment()
    {
        var command = Shell("pwd; echo \"$KILN_IT_VALUE\"") with
        {
            EchoOutput = false,
            Environment = new Dictionary<string, string?> { ["KILN_IT_VALUE"] = "set for the tool" },
        };

        var result = await ProcessRunner.RunAsync(command);

        Assert.Equal([directory, "set for the tool"], result.StandardOutput);
    }

    [Fact]
    public async Task ProcessRunner_throws_a_ToolException_naming_the_command_line_directory_and_exit_code()
    {
        var exception = await Assert.ThrowsAsync<ToolException>(() => ProcessRunner.RunAsync(Shell("echo failing; exit 3") with { EchoOutput = false }));

        Assert.Equal(3, exception.ExitCode);
        Assert.Contains("'sh -c \"echo failing; exit 3\"'", exception.Message, StringComparison.Ordinal);
        Assert.Contains($" in {directory} ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessRunner_accepts_the_exit_codes_it_is_told_are_success()
    {
        var result = await ProcessRunner.RunAsync(Shell("exit 3") with { SuccessExitCodes = [0, 3] });

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task ProcessRunner_kills_a_tool_that_runs_past_its_timeout()
    {
        var pidFile = Path.Combine(directory, "pid");
        var command = Shell($"echo $$ > {pidFile}; exec sleep 120") with { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<ToolException>(() => ProcessRunner.RunAsync(command));

        Assert.Contains("timed out after 2s and was killed", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"The runner waited {clock.Elapsed} for a tool it should have killed after 2 s.");
        Assert.False(IsRunning(await ReadPidAsync(pidFile)), "The timed-out tool is still running.");
    }

    [Fact]
    public async Task ProcessRunner_kills_the_tool_when_cancelled()
    {
        var pidFile = Path.Combine(directory, "pid");
        using var cancellation = new CancellationTokenSource();
        var run = ProcessRunner.RunAsync(Shell($"echo $$ > {pidFile}; exec sleep 120"), cancellation.Token);
        var pid = await ReadPidAsync(pidFile);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.False(IsRunning(pid), "The cancelled tool is still running.");
    }

    [Fact]
    public async Task ProcessRunner_reports_a_program_that_is_not_installed_as_could_not_start()
    {
        var command = new ToolCommand("kiln-no-such-tool", ["--version"]) { WorkingDirectory = directory };

        var exception = await Assert.ThrowsAsync<ToolException>(() => ProcessRunner.RunAsync(command));

        Assert.StartsWith("Could not start 'kiln-no-such-tool --version'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(directory, exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.ExitCode);
    }

    private ToolCommand Shell(string script) => new("sh", ["-c", script]) { WorkingDirectory = directory };

    /// <summary>The pid the shell wrote before it became sleep; waits for the file, since the tool starts asynchronously.</summary>
    private static async Task<int> ReadPidAsync(string pidFile)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"The tool did not write {pidFile}.");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] is not ("Z" or "X");
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }
}
