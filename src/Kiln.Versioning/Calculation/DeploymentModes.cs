using Kiln.Versioning.Configuration;

namespace Kiln.Versioning.Calculation;

/// <summary>How the deployment mode turns a computed pre-release and a commit count into the reported version.</summary>
internal static class DeploymentModes
{
    /// <summary>The reported version and its build metadata (the count, in ManualDeployment only).</summary>
    public static (SemanticVersion Version, long? BuildMetaData) Apply(DeploymentMode mode, SemanticVersion version, long count) => mode switch
    {
        DeploymentMode.ManualDeployment => (version, count),
        DeploymentMode.ContinuousDelivery when version.PreRelease.Number is { } number =>
            (version with { PreRelease = version.PreRelease with { Number = number + count - 1 } }, null),
        DeploymentMode.ContinuousDelivery => (version, null),
        _ => (version.WithoutPreRelease(), null),
    };
}
