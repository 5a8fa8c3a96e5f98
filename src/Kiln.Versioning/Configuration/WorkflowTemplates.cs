namespace Kiln.Versioning.Configuration;

/// <summary>The workflow templates a GitVersion.yml is merged over, chosen by its <c>workflow</c> key.</summary>
internal static class WorkflowTemplates
{
    public const string Default = "GitFlow/v1";

    public static IReadOnlyList<string> Names { get; } = ["GitFlow/v1", "GitHubFlow/v1", "TrunkBased/preview1"];

    /// <summary>The template's YAML text; null for an unknown name.</summary>
    public static string? Read(string name)
    {
        var known = Names.FirstOrDefault(candidate => string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            return null;
        }

        var resource = $"Kiln.Versioning.Workflows.{known.Replace('/', '-')}.yml";
        using var stream = typeof(WorkflowTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The workflow template resource {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
