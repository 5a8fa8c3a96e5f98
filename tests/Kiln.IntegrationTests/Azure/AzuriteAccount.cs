using Kiln.Services;

namespace Kiln.IntegrationTests.Azure;

/// <summary>
/// The development account on a real Azurite: the one ./build.sh IntegrationTest started (KILN_AZURITE_CONNECTION_STRING),
/// or, when the tests run alone (dotnet test), one this fixture starts from the build's node tools and stops at the end.
/// </summary>
public sealed class AzuriteAccount : IAsyncLifetime
{
    private Azurite? own;

    public string ConnectionString { get; private set; } = string.Empty;

    public Uri BlobEndpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("KILN_AZURITE_CONNECTION_STRING") is { Length: > 0 } given
            && Environment.GetEnvironmentVariable("KILN_AZURITE_BLOB_ENDPOINT") is { Length: > 0 } endpoint)
        {
            ConnectionString = given;
            BlobEndpoint = new Uri(endpoint);
            return;
        }

        own = await Azurite.StartAsync(NodeTools());
        ConnectionString = own.ConnectionString;
        BlobEndpoint = own.BlobEndpoint;
    }

    public async Task DisposeAsync()
    {
        if (own is not null)
        {
            await own.DisposeAsync();
        }
    }

    /// <summary>A container name no other test uses.</summary>
    public static string NewContainerName(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 33)];

    private static AbsolutePath NodeTools() => AbsolutePath.Create(IntegrationTests.NodeTools.Folder);
}
