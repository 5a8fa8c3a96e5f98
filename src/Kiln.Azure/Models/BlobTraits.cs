namespace Kiln.Azure.Models;

/// <summary>What a listing includes besides each blob's properties.</summary>
[Flags]
public enum BlobTraits
{
    /// <summary>Properties only.</summary>
    None = 0,

    /// <summary>Each blob's metadata too.</summary>
    Metadata = 1,
}
