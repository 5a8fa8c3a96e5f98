namespace Kiln.Lifecycle;

/// <summary>
/// The lifecycle event "a target succeeded". Implemented by the build class, by a component interface it inherits (a
/// default method), or by an attribute on the build class; see <see cref="BuildModel"/> for what a handler can read.
/// </summary>
public interface IOnTargetSucceeded
{
    /// <summary>Called when a target's actions all completed.</summary>
    /// <param name="target">The target.</param>
    void OnTargetSucceeded(BuildTarget target);
}
