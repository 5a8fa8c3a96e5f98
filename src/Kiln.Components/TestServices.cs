namespace Kiln.Components;

/// <summary>
/// Services a test tier needs (a storage emulator, a database) started for the tier's run: the environment variables
/// that point the tests at them, and what stops them when the tier ends, pass or fail.
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly IAsyncDisposable[] running;

    /// <summary>Services reached through <paramref name="environment"/>, stopped by disposing <paramref name="running"/> in reverse order.</summary>
    public TestServices(IReadOnlyDictionary<string, string?> environment, params IAsyncDisposable[] running)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(running);
        Environment = environment;
        this.running = running;
    }

    /// <summary>No services: the tests run in the tier's environment as it is.</summary>
    public static TestServices None => new(new Dictionary<string, string?>());

    /// <summary>The variables the tests read to reach the services.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Stops the services.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var service in running.Reverse())
        {
            await service.DisposeAsync().ConfigureAwait(false);
        }
    }
}
