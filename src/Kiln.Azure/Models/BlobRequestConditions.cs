using Azure;

namespace Kiln.Azure.Models;

/// <summary>
/// Conditions a request must meet (as Azure.Storage.Blobs' type of the same name): If-Match with an ETag, If-None-Match
/// (<see cref="ETag.All"/> for create-only), If-Modified-Since, If-Unmodified-Since, and the lease the blob must hold.
/// A request whose condition fails throws <see cref="RequestFailedException"/> with 412 ConditionNotMet (409
/// BlobAlreadyExists for If-None-Match: * on an existing blob, 412 LeaseIdMissing/LeaseIdMismatch for the lease).
/// </summary>
public class BlobRequestConditions : RequestConditions
{
    /// <summary>The blob's active lease; a write to a leased blob without it is refused.</summary>
    public string? LeaseId { get; set; }
}
