namespace Kiln;

/// <summary>What happens to a target's dependencies when a static condition skips the target.</summary>
public enum DependencyBehavior
{
    /// <summary>The dependencies still run (the default).</summary>
    Execute,

    /// <summary>The dependencies are skipped too, unless another running target needs them.</summary>
    Skip,
}
