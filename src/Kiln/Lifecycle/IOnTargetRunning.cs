namespace Kiln.Lifecycle;

/// <summary>
/// The lifecycle event "a target is starting". Implemented by the build class, by a component interface it inherits (a
/// default method), or by an attribute on the build class; see <see cref="BuildModel"/> for what a handler can read.
/// </summary>
public interface IOnTargetRunning
{
    /// <summary>Called as a target starts its actions, once its conditions held and it was not up to date, inside the target's output.</summary>
    /// <param name="target">The target.</param>
    void OnTargetRunning(BuildTarget target);
}
