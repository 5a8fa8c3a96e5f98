namespace Kiln.Lifecycle;

/// <summary>
/// The lifecycle event "a target was skipped". Implemented by the build class, by a component interface it inherits (a
/// default method), or by an attribute on the build class; see <see cref="BuildModel"/> for what a handler can read.
/// </summary>
public interface IOnTargetSkipped
{
    /// <summary>Called when a planned target does not run its actions: skipped by --skip or a static condition, a dynamic condition that was false, or up to date.</summary>
    /// <param name="target">The target.</param>
    /// <param name="reason">Why, as the summary table notes it.</param>
    void OnTargetSkipped(BuildTarget target, string reason);
}
