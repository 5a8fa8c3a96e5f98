using Kiln.Azure;

namespace Kiln.IntegrationTests.Azure;

/// <summary>The containers one test makes in the shared Azurite, each with a name of its own, deleted when the test ends.</summary>
internal sealed class ScratchContainers(AzuriteAccount azurite)
{
    private readonly List<BlobContainerClient> containers = [];

    /// <summary>A container client with a fresh name (not created yet), on the development account's key unless options say otherwise.</summary>
    public BlobContainerClient New(string purpose, BlobClientOptions? options = null) =>
        Track(new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient(AzuriteAccount.NewContainerName(purpose)));

    /// <summary>Deletes the container when the test ends, however it was reached.</summary>
    public BlobContainerClient Track(BlobContainerClient container)
    {
        containers.Add(container);
        return container;
    }

    public async Task DeleteAllAsync()
    {
        foreach (var container in containers)
        {
            await container.DeleteIfExistsAsync();
        }
    }
}
