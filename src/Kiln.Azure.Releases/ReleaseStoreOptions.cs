namespace Kiln.Azure.Releases;

/// <summary>How a <see cref="ReleaseStore"/> waits for its environment lease, how many transfers it runs at once, and where it reports progress.</summary>
public sealed class ReleaseStoreOptions
{
    /// <summary>
    /// How long a lease lasts before it must be renewed (15 to 60 seconds; default 60). A holder that dies frees the
    /// environment after it. The holder renews every third of it; a renewal that fails or takes more than a quarter of
    /// it loses the lease and stops the operation.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an operation waits for another one's lease on the same environment before it gives up (default 2 minutes).</summary>
    public TimeSpan LeaseWaitTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a waiting operation tries the lease again (default 1 second).</summary>
    public TimeSpan LeaseRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many files upload, copy or verify at once (default 8). Large files also upload their blocks in parallel.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>Progress, one line at a time (the build passes its log); never holds a key.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>The clock for pointer and history times.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Runs after the pointer is read and before it is written (tests use it to change the pointer in between).</summary>
    internal Func<CancellationToken, Task>? BeforePointerWrite { get; set; }

    /// <summary>Runs before each file is uploaded or copied (tests use it to stop the storage in the middle of a deploy).</summary>
    internal Func<string, CancellationToken, Task>? BeforeUpload { get; set; }
}
