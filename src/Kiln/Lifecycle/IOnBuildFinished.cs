namespace Kiln.Lifecycle;

/// <summary>
/// The lifecycle event "the build finished". Implemented by the build class, by a component interface it inherits (a
/// default method), or by an attribute on the build class; see <see cref="BuildModel"/> for what a handler can read.
/// </summary>
public interface IOnBuildFinished
{
    /// <summary>Called after the last target ended and the summary was written, whether the build succeeded or not.</summary>
    /// <param name="build">The build, its targets and parameters.</param>
    /// <param name="succeeded">Whether every target that ran succeeded and the run was not interrupted.</param>
    void OnBuildFinished(BuildModel build, bool succeeded);
}
