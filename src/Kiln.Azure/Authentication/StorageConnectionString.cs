using Azure;

namespace Kiln.Azure.Authentication;

/// <summary>
/// An Azure Storage connection string, read for its Blob endpoint and credential: AccountName, AccountKey,
/// SharedAccessSignature, BlobEndpoint, DefaultEndpointsProtocol, EndpointSuffix, or UseDevelopmentStorage=true for
/// Azurite's devstoreaccount1 at http://127.0.0.1:10000/devstoreaccount1. Errors name the missing or broken setting and
/// never echo a value.
/// </summary>
internal sealed class StorageConnectionString
{
    /// <summary>Where a development-storage connection string points: Azurite's default Blob port on 127.0.0.1.</summary>
    internal const int DevelopmentBlobPort = 10000;

    /// <summary>The settings a storage connection string may hold; others (for other services) are ignored.</summary>
    private static readonly HashSet<string> KnownNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "AccountName", "AccountKey", "SharedAccessSignature", "BlobEndpoint", "DefaultEndpointsProtocol", "EndpointSuffix",
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "QueueEndpoint", "TableEndpoint", "FileEndpoint",
        "BlobSecondaryEndpoint", "QueueSecondaryEndpoint", "TableSecondaryEndpoint", "FileSecondaryEndpoint",
    };

    private StorageConnectionString(Uri blobEndpoint, StorageSharedKeyCredential? sharedKey, AzureSasCredential? sas) =>
        (BlobEndpoint, SharedKey, Sas) = (blobEndpoint, sharedKey, sas);

    /// <summary>The account's Blob service endpoint.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The account name and key, when the connection string has AccountKey.</summary>
    public StorageSharedKeyCredential? SharedKey { get; }

    /// <summary>The shared access signature, when the connection string has SharedAccessSignature.</summary>
    public AzureSasCredential? Sas { get; }

    /// <summary>Reads a connection string.</summary>
    /// <exception cref="FormatException">A setting is missing, malformed or contradicts another (named, never echoed).</exception>
    public static StorageConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty: copy it from the storage account's Access keys page, or use UseDevelopmentStorage=true for Azurite.");
        }

        var settings = Settings(connectionString);
        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!string.Equals(development, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("UseDevelopmentStorage in the storage connection string can only be true: remove it to name a real account.");
            }

            var endpoint = DevelopmentStorageAccount.BlobEndpoint("127.0.0.1", DevelopmentBlobPort);
            return new(endpoint, new StorageSharedKeyCredential(DevelopmentStorageAccount.Name, DevelopmentStorageAccount.Key), null);
        }

        var accountName = Value(settings, "AccountName");
        var accountKey = Value(settings, "AccountKey");
        var signature = Value(settings, "SharedAccessSignature");
        var blobEndpoint = Value(settings, "BlobEndpoint") is { } given ? Endpoint(given) : null;
        if (accountKey is not null && signature is not null)
        {
            throw new FormatException("The storage connection string has both AccountKey and SharedAccessSignature: keep one of them.");
        }

        if (accountKey is not null && accountName is null)
        {
            throw new FormatException("The storage connection string has AccountKey but no AccountName: add AccountName=<the storage account's name>.");
        }

        if (accountKey is null && signature is null)
        {
            throw new FormatException("The storage connection string has no AccountKey (nor SharedAccessSignature): add AccountKey=<one of the account's access keys>.");
        }

        if (blobEndpoint is null)
        {
            if (accountName is null)
            {
                throw new FormatException("The storage connection string has neither AccountName nor BlobEndpoint: add AccountName=<the storage account's name> or BlobEndpoint=<its Blob service URL>.");
            }

            var protocol = Value(settings, "DefaultEndpointsProtocol") ?? "https";
            if (protocol is not ("https" or "http"))
            {
                throw new FormatException("DefaultEndpointsProtocol in the storage connection string must be https or http.");
            }

            var suffix = Value(settings, "EndpointSuffix") ?? "core.windows.net";
            blobEndpoint = Endpoint($"{protocol}://{accountName}.blob.{suffix}");
        }

        if (blobEndpoint.Scheme == Uri.UriSchemeHttp && !blobEndpoint.IsLoopback)
        {
            // A SAS goes in the query and the data goes in the clear: http is for a local emulator only.
            throw new FormatException("The storage connection string names an http:// endpoint that is not on this machine: use https (DefaultEndpointsProtocol=https, or an https BlobEndpoint); http is for a local emulator on 127.0.0.1 or localhost.");
        }

        StorageSharedKeyCredential? sharedKey;
        try
        {
            sharedKey = accountKey is null ? null : new StorageSharedKeyCredential(accountName!, accountKey);
        }
        catch (ArgumentException)
        {
            throw new FormatException("AccountKey in the storage connection string is not base64: copy the key again from the storage account's Access keys page.");
        }

        return new(blobEndpoint, sharedKey, signature is null ? null : new AzureSasCredential(signature.TrimStart('?')));
    }

    private static Dictionary<string, string> Settings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = setting.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                // The setting itself may be a key or a signature pasted without its name: do not echo it.
                throw new FormatException($"The storage connection string has a setting without a name (setting {settings.Count + 1}): write each as Name=value, separated by ';'.");
            }

            // A name is echoed only when it is a known one: a key pasted without its name ends in '=' and would look like a name.
            var name = setting[..separator].Trim();
            if (!settings.TryAdd(name, setting[(separator + 1)..].Trim()))
            {
                throw new FormatException($"The storage connection string sets {(KnownNames.Contains(name) ? name : "a setting")} twice: keep one.");
            }
        }

        return settings;
    }

    private static string? Value(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static Uri Endpoint(string value) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException("BlobEndpoint (or AccountName with EndpointSuffix) in the storage connection string is not an absolute http(s) URL.");
}
