namespace Kiln.Lifecycle;

/// <summary>What the engine asks of an <see cref="IGeneratesFiles"/>.</summary>
public enum GeneratedFilesMode
{
    /// <summary>A local run: write the files that differ, and say which.</summary>
    Update,

    /// <summary>A run on a CI server: write nothing; fail, naming the files, when a committed one differs.</summary>
    Check,

    /// <summary><c>--plan</c>: generate in memory only, so that a mistake in the declaration stops the plan.</summary>
    Validate,

    /// <summary><c>--generate-workflows</c>: write the files that differ and report how many there are; the run ends after.</summary>
    Generate,
}
