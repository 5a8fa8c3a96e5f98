using Kiln.IntegrationTests;

namespace Kiln.SystemTests.Rehearsal;

/// <summary>Rehearses ci.yml once for the tests that look at it, and removes the runners' folders afterwards.</summary>
public sealed class RehearsedCiWorkflow : IAsyncLifetime
{
    public string Scratch { get; } = Directory.CreateTempSubdirectory("kiln-rehearsal-").FullName;

    internal IReadOnlyList<JobRun> Runs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(55));
        var workflow = Path.Combine(RepositoryRoot.Path, ".github", "workflows", "ci.yml");
        Runs = await new WorkflowRehearsal(Scratch).RunAsync(workflow, timeout.Token);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Scratch, recursive: true);
        return Task.CompletedTask;
    }
}
