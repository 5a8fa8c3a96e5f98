using Kiln.Versioning.Output;

namespace Kiln.Versioning.Tool;

/// <summary>GitVersion's <c>/output dotenv</c>: <c>GitVersion_Name='value'</c> per variable, empty quotes for null.</summary>
internal static class DotEnvWriter
{
    public static void Write(VersionVariables variables, TextWriter output)
    {
        foreach (var name in VersionVariables.Names)
        {
            output.WriteLine($"GitVersion_{name}='{variables[name]}'");
        }
    }
}
