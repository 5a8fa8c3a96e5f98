using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Testing;
using Kiln.Tooling;

namespace Kiln.IntegrationTests.Testing;

/// <summary>
/// A real <c>dotnet test</c> (VSTest, xunit) on a five-test project, its output read by the progress counter as the
/// heartbeat reads it: every test counted, the passed ones not printed.
/// </summary>
public sealed class TestProgressTests(FiveTestProject sample) : IClassFixture<FiveTestProject>
{
    [Fact]
    public async Task A_real_dotnet_test_run_is_counted_test_by_test_and_its_passed_lines_are_not_printed()
    {
        using var printed = new StringWriter();
        BuildContext.Current = new BuildContext(new ConsoleHost(printed, new SecretMasker(), useColors: false), CancellationToken.None);
        var settings = new DotNetTestSettings { Project = sample.Project, NoBuild = true, Loggers = ["console;verbosity=normal"], ExpectedTestCount = 4 };
        var command = settings.ToCommand() with { WorkingDirectory = sample.Root };
        var progress = new TestProgress(settings.ExpectedTestCount);
        Assert.True(TestProgress.CountsEveryTest(command.Arguments));

        await ProcessRunner.RunAsync(command with { Progress = progress });

        Assert.True(progress.Done == 5, printed.ToString());
        Assert.Equal("5 done", progress.Describe());
        Assert.Contains("  Skipped Sample.Tests.CalculatorTests.Multiplies", printed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("  Passed ", printed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DotNet_TestAsync_tells_the_running_target_how_far_the_tests_got()
    {
        var target = new TargetResult("UnitTest");
        BuildContext.Current = new BuildContext(new ConsoleHost(TextWriter.Null, new SecretMasker(), useColors: false), CancellationToken.None);
        BuildContext.CurrentTarget = target;
        var seen = new List<string?>();
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                if (target.RunningCommand?.Progress is { } progress)
                {
                    seen.Add(progress.Describe());
                }

                await Task.Delay(5, CancellationToken.None);
            }
        });

        await DotNet.TestAsync(new DotNetTestSettings
        {
            Project = sample.Project,
            NoBuild = true,
            Loggers = ["console;verbosity=normal"],
            ExpectedTestCount = 5,
            WorkingDirectory = sample.Root,
        });
        await watching.CancelAsync();
        await watcher;

        Assert.Contains("running 0 of about 5", seen);
    }
}
