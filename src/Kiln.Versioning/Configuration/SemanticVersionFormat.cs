namespace Kiln.Versioning.Configuration;

/// <summary>Which tag texts count as versions (GitVersion's <c>semantic-version-format</c>).</summary>
public enum SemanticVersionFormat
{
    /// <summary>Only <c>M.m.p[-pre][+meta]</c>.</summary>
    Strict,

    /// <summary>Also <c>1.2</c>, <c>1.2.3.4</c> and <c>1.2-alpha4</c>.</summary>
    Loose,
}
