namespace Kiln.Versioning.Configuration;

/// <summary>Which version field a branch increments (GitVersion's <c>increment</c>).</summary>
public enum IncrementStrategy
{
    /// <summary>Nothing is incremented.</summary>
    None,

    /// <summary>The major version.</summary>
    Major,

    /// <summary>The minor version.</summary>
    Minor,

    /// <summary>The patch version.</summary>
    Patch,

    /// <summary>The increment of the branch this one was created from.</summary>
    Inherit,
}
