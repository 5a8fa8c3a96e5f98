using Azure.Core;

namespace Kiln.Azure;

/// <summary>
/// Settings for the Blob clients: the service version, the upload sizes, and everything <see cref="ClientOptions"/>
/// carries (retries with <see cref="ClientOptions.Retry"/>, the network timeout, logging, the transport).
/// </summary>
public class BlobClientOptions : ClientOptions
{
    /// <summary>The largest upload sent as one Put Blob by default: 256 MiB.</summary>
    public const long DefaultSingleUploadThreshold = 256 * 1024 * 1024;

    /// <summary>The default block size for larger uploads: 4 MiB.</summary>
    public const int DefaultBlockSize = 4 * 1024 * 1024;

    /// <summary>The default number of blocks uploaded at once.</summary>
    public const int DefaultMaximumConcurrency = 4;

    /// <summary>The service versions this client speaks (the x-ms-version header).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "Azure SDK naming of service versions (V2025_11_05), kept for the swap to Azure.Storage.Blobs.")]
    public enum ServiceVersion
    {
        /// <summary>2024-11-04.</summary>
        V2024_11_04 = 1,

        /// <summary>2025-01-05.</summary>
        V2025_01_05 = 2,

        /// <summary>2025-11-05 (the default).</summary>
        V2025_11_05 = 3,
    }

    /// <summary>The newest version this client knows, used unless another is asked for.</summary>
    public const ServiceVersion LatestVersion = ServiceVersion.V2025_11_05;

    /// <summary>Creates options for a service version (the latest unless given).</summary>
    public BlobClientOptions(ServiceVersion version = LatestVersion)
    {
        Version = version switch
        {
            ServiceVersion.V2024_11_04 => "2024-11-04",
            ServiceVersion.V2025_01_05 => "2025-01-05",
            ServiceVersion.V2025_11_05 => "2025-11-05",
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Not a service version this client knows."),
        };

        // Logged as they are: what a request was about, never a signature or a key (other values are redacted).
        foreach (var parameter in new[] { "comp", "restype", "prefix", "marker", "maxresults", "include", "blockid", "timeout" })
        {
            Diagnostics.LoggedQueryParameters.Add(parameter);
        }

        foreach (var header in new[]
        {
            "x-ms-version", "x-ms-error-code", "x-ms-blob-type", "x-ms-lease-action", "x-ms-lease-duration", "x-ms-lease-state",
            "x-ms-lease-status", "x-ms-copy-id", "x-ms-copy-status", "x-ms-copy-progress", "Content-Range", "ETag", "Last-Modified",
            "If-Match", "If-None-Match",
        })
        {
            Diagnostics.LoggedHeaderNames.Add(header);
        }
    }

    /// <summary>The x-ms-version sent with every request.</summary>
    public string Version { get; }

    /// <summary>
    /// Uploads up to this many bytes go as one Put Blob (as the Azure SDK's default: 256 MiB), streamed from a stream that
    /// can seek; larger ones as blocks. A stream that cannot seek goes as one Put Blob only when it fits in one block.
    /// </summary>
    public long SingleUploadThreshold { get; set; } = DefaultSingleUploadThreshold;

    /// <summary>The size of each block of a larger upload (at most 4000 MiB). Default 4 MiB.</summary>
    public int BlockSize { get; set; } = DefaultBlockSize;

    /// <summary>How many blocks of one upload are sent at once; also bounds the memory an upload holds. Default 4.</summary>
    public int MaximumConcurrency { get; set; } = DefaultMaximumConcurrency;

    /// <summary>The clock SharedKey signing dates requests with (x-ms-date); tests set a fake one.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
