using Kiln.Components;

namespace Kiln.UnitTests.Components;

public class TestServicesTests
{
    [Fact]
    public async Task Test_services_stop_in_the_reverse_order_they_started()
    {
        var stopped = new List<string>();
        var services = new TestServices(
            new Dictionary<string, string?> { ["DATABASE_URL"] = "db://local" },
            new Stoppable("database", stopped),
            new Stoppable("cache", stopped));

        await services.DisposeAsync();

        Assert.Equal(["cache", "database"], stopped);
        Assert.Equal("db://local", services.Environment["DATABASE_URL"]);
    }

    [Fact]
    public async Task No_test_services_add_no_environment_and_stop_nothing()
    {
        var services = TestServices.None;

        await services.DisposeAsync();

        Assert.Empty(services.Environment);
    }

    private sealed class Stoppable(string name, List<string> stopped) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            stopped.Add(name);
            return ValueTask.CompletedTask;
        }
    }
}
