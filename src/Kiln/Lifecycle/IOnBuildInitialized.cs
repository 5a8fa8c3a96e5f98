namespace Kiln.Lifecycle;

/// <summary>
/// The lifecycle event "the build is about to run its plan". Implemented by the build class, by a component interface it inherits (a
/// default method), or by an attribute on the build class; see <see cref="BuildModel"/> for what a handler can read.
/// </summary>
public interface IOnBuildInitialized
{
    /// <summary>Called once the plan is made and every requirement checked, before the first target starts; not for --plan.</summary>
    /// <param name="build">The build, its targets and parameters.</param>
    /// <param name="plan">The targets of the plan in order, those that will be skipped included.</param>
    void OnBuildInitialized(BuildModel build, IReadOnlyList<BuildTarget> plan);
}
