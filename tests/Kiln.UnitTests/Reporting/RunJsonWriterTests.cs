using System.Text.Json;
using Kiln.Execution;
using Kiln.Reporting;
using Kiln.Testing;

namespace Kiln.UnitTests.Reporting;

/// <summary>The hand-written writer of run records writes what the generated serializer writes, which reads it back.</summary>
public sealed class RunJsonWriterTests
{
    private static readonly RunRecord Full = new()
    {
        StartedAt = new DateTimeOffset(2026, 12, 5, 9, 10, 34, 435, TimeSpan.FromHours(1)).AddTicks(4941),
        DurationSeconds = 12.345,
        ExitCode = 1,
        Interrupted = true,
        InvokedTargets = ["Test", "Pack"],
        Host = "github-actions",
        OperatingSystem = "Debian GNU/Linux 12 (bookworm)",
        Commit = "6e0ca984115daa589f28c18c85399e3047f49c71",
        Version = "1.2.3-beta.4+5",
        Tests = new TestCounts(1407, 2, 5),
        Coverage = 89.75,
        Targets =
        [
            new TargetRecord { Name = "UnitTest", Status = TargetStatus.Succeeded, DurationSeconds = 18.25, Invoked = false, Note = "1407 passed, \"quoted\" <b> & é", Tests = new TestCounts(1407, 0, 0), Coverage = 0.1 },
            new TargetRecord { Name = "Pack", Status = TargetStatus.Failed, DurationSeconds = 0.001, Invoked = true },
            new TargetRecord { Name = "Publish", Status = TargetStatus.NotRun },
        ],
        PlanEdges = [new PlanEdge("Compile", "UnitTest", PlanEdge.DependsOn), new PlanEdge("Test", "Pack", PlanEdge.After)],
    };

    private static readonly RunRecord Bare = new() { StartedAt = DateTimeOffset.UnixEpoch };

    private static readonly JsonSerializerOptions GeneratedIndented = new(RunJsonContext.Default.Options) { WriteIndented = true };

    [Fact]
    public void A_line_is_what_the_generated_serializer_writes_for_a_record_with_every_value_set()
    {
        Assert.Equal(JsonSerializer.Serialize(Full, RunJsonContext.Default.RunRecord), RunJson.ToLine(Full));
    }

    [Fact]
    public void A_line_leaves_out_what_the_generated_serializer_leaves_out_for_a_record_with_nothing_set()
    {
        Assert.Equal(JsonSerializer.Serialize(Bare, RunJsonContext.Default.RunRecord), RunJson.ToLine(Bare));
    }

    [Fact]
    public void The_document_is_what_the_generated_serializer_writes_indented()
    {
        Assert.Equal(JsonSerializer.Serialize(Full, GeneratedIndented), RunJson.ToDocument(Full));
        Assert.Equal(JsonSerializer.Serialize(Bare, GeneratedIndented), RunJson.ToDocument(Bare));
    }

    [Fact]
    public void What_it_writes_reads_back_as_the_same_record()
    {
        var read = RunJson.Parse(RunJson.ToLine(Full));

        Assert.Equal(Full.StartedAt, read.StartedAt);
        Assert.Equal(Full.Tests, read.Tests);
        Assert.Equal(Full.Targets, read.Targets);
        Assert.Equal(Full.PlanEdges, read.PlanEdges);
        Assert.Equal(RunJson.ToLine(Full), RunJson.ToLine(read));
    }
}
