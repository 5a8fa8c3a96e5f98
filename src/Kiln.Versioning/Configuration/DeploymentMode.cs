namespace Kiln.Versioning.Configuration;

/// <summary>How pre-release numbers and build metadata are formed (GitVersion's <c>mode</c>).</summary>
public enum DeploymentMode
{
    /// <summary>The pre-release number is kept; the commit count goes into build metadata (1.0.1-beta.1+5).</summary>
    ManualDeployment,

    /// <summary>The commit count goes into the pre-release number (1.0.4-5).</summary>
    ContinuousDelivery,

    /// <summary>No pre-release at all (1.0.1).</summary>
    ContinuousDeployment,
}
