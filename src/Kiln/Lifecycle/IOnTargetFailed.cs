namespace Kiln.Lifecycle;

/// <summary>
/// The lifecycle event "a target failed". Implemented by the build class, by a component interface it inherits (a
/// default method), or by an attribute on the build class; see <see cref="BuildModel"/> for what a handler can read.
/// </summary>
public interface IOnTargetFailed
{
    /// <summary>Called when a target's action threw (not when it was cancelled).</summary>
    /// <param name="target">The target.</param>
    /// <param name="exception">What the action threw.</param>
    void OnTargetFailed(BuildTarget target, Exception exception);
}
