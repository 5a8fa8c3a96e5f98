namespace Kiln.Azure.Models;

/// <summary>Where a blob's lease is in its life (x-ms-lease-state).</summary>
public enum LeaseState
{
    /// <summary>No lease: one can be acquired.</summary>
    Available,

    /// <summary>Leased: writes need the lease id.</summary>
    Leased,

    /// <summary>The lease ran out.</summary>
    Expired,

    /// <summary>Broken, with a break period still running.</summary>
    Breaking,

    /// <summary>Broken.</summary>
    Broken,
}
