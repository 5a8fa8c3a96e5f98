/// <summary>The configurations the solution builds in.</summary>
public enum Configuration
{
    /// <summary>Local development: no optimisation, full debugging.</summary>
    Debug,

    /// <summary>CI and releases: optimised.</summary>
    Release,
}
