namespace Kiln.Versioning.Tool;

/// <summary>How the variables are printed (<c>--output</c>).</summary>
internal enum OutputFormat
{
    /// <summary>GitVersion's <c>/output json</c>: one indented object, in GitVersion's order.</summary>
    Json,

    /// <summary>GitVersion's <c>/output dotenv</c>: one <c>GitVersion_Name='value'</c> line per variable.</summary>
    DotEnv,
}
