using System.Globalization;

namespace Kiln.Azure.Authentication;

/// <summary>
/// The storage account every Azurite serves by default: devstoreaccount1 with the development key Microsoft
/// documents for the emulators. The key is public, yet it is still a key: it is masked and never logged.
/// </summary>
public static class DevelopmentStorageAccount
{
    /// <summary>The account's name, devstoreaccount1.</summary>
    public const string Name = "devstoreaccount1";

    /// <summary>The account's key, the same for every Azurite.</summary>
    public const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The path-style Blob endpoint of the account on a local Azurite: http://host:port/devstoreaccount1.</summary>
    /// <param name="host">The host Azurite listens on, as 127.0.0.1.</param>
    /// <param name="port">Its Blob port.</param>
    public static Uri BlobEndpoint(string host, int port) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}/{Name}"));

    /// <summary>An Azure Storage connection string for the account with only a Blob endpoint.</summary>
    /// <param name="blobEndpoint">The account's Blob endpoint, as <see cref="BlobEndpoint"/> gives it.</param>
    public static string ConnectionString(Uri blobEndpoint)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        return $"DefaultEndpointsProtocol={blobEndpoint.Scheme};AccountName={Name};AccountKey={Key};BlobEndpoint={blobEndpoint.AbsoluteUri};";
    }
}
