namespace Kiln.Lifecycle;

/// <summary>
/// The lifecycle event "the build was created". Implemented by the build class, by a component interface it inherits (a
/// default method), or by an attribute on the build class; see <see cref="BuildModel"/> for what a handler can read.
/// </summary>
public interface IOnBuildCreated
{
    /// <summary>Called after the build is created, its parameters bound and its targets known, before values are injected and the plan is made; not for --help, --generate-workflows or bad input.</summary>
    /// <param name="build">The build, its targets and parameters.</param>
    void OnBuildCreated(BuildModel build);
}
