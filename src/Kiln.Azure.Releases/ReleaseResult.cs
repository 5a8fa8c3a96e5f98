namespace Kiln.Azure.Releases;

/// <summary>What a deploy, promote or rollback did.</summary>
public sealed record ReleaseResult
{
    /// <summary>deploy, promote or rollback.</summary>
    public required string Action { get; init; }

    /// <summary>The environment whose pointer it moved (or found already on the version).</summary>
    public required string Environment { get; init; }

    /// <summary>The release the environment now runs.</summary>
    public required string Version { get; init; }

    /// <summary>The release it ran before; null for the first, or when the pointer did not move.</summary>
    public string? PreviousVersion { get; init; }

    /// <summary>Whether the pointer moved (false when it already named the version).</summary>
    public bool PointerMoved { get; init; }

    /// <summary>The release's folder: container URL, path prefix, releases/&lt;version&gt;/.</summary>
    public required Uri ReleaseUri { get; init; }

    /// <summary>The pointer blob.</summary>
    public required Uri PointerUri { get; init; }

    /// <summary>Files of the release.</summary>
    public int Files { get; init; }

    /// <summary>Files uploaded (or copied, for promote) by this operation.</summary>
    public int Transferred { get; init; }

    /// <summary>Bytes uploaded (or copied) by this operation.</summary>
    public long TransferredBytes { get; init; }

    /// <summary>Files already present with the right length and SHA-256, so not transferred again.</summary>
    public int AlreadyPresent { get; init; }
}
