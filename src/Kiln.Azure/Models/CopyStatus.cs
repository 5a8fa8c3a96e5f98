namespace Kiln.Azure.Models;

/// <summary>The state of the last server-side copy into a blob (x-ms-copy-status).</summary>
public enum CopyStatus
{
    /// <summary>Still copying.</summary>
    Pending,

    /// <summary>Copied.</summary>
    Success,

    /// <summary>Aborted by Abort Copy Blob.</summary>
    Aborted,

    /// <summary>Failed; see the status description.</summary>
    Failed,
}
