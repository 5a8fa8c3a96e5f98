namespace Kiln.Components;

/// <summary>The configurations a solution builds in (<see cref="IHazConfiguration.Configuration"/>).</summary>
public enum Configuration
{
    /// <summary>Local development: no optimisation, full debugging.</summary>
    Debug,

    /// <summary>CI and releases: optimised.</summary>
    Release,
}
