using System.Globalization;

// Kiln.Azure compiles this same file (linked) for UseDevelopmentStorage=true; it does not reference the engine.
#if KILN_AZURE
namespace Kiln.Azure.Authentication;
#else
namespace Kiln.Services;
#endif

/// <summary>
/// The storage account every Azurite serves by default: devstoreaccount1 with the development key Microsoft
/// documents for the emulators. The key is public, yet it is still a key: it is masked and never logged.
/// </summary>
internal static class DevelopmentStorageAccount
{
    public const string Name = "devstoreaccount1";

    public const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The path-style Blob endpoint of the account on a local Azurite: http://host:port/devstoreaccount1.</summary>
    public static Uri BlobEndpoint(string host, int port) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}/{Name}"));

    /// <summary>An Azure Storage connection string for the account with only a Blob endpoint.</summary>
    public static string ConnectionString(Uri blobEndpoint)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        return $"DefaultEndpointsProtocol={blobEndpoint.Scheme};AccountName={Name};AccountKey={Key};BlobEndpoint={blobEndpoint.AbsoluteUri};";
    }
}
