namespace Kiln.Components;

/// <summary>A build with a configuration: Debug locally, Release on CI, or <c>--configuration</c>.</summary>
public interface IHazConfiguration
{
    /// <summary>The configuration Compile, the test tiers and Pack use.</summary>
    [Parameter("Configuration to build: Debug locally, Release on CI.")]
    Configuration Configuration => this.ParameterValue(KilnBuild.IsLocalBuild ? Configuration.Debug : Configuration.Release);
}
