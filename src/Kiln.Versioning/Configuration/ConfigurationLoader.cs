using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiln.Versioning.Configuration;

/// <summary>
/// Finds and reads GitVersion.yml (or GitVersion.yaml, .GitVersion.yml, .GitVersion.yaml; in the working
/// directory, then the repository root) and merges it over the workflow template its <c>workflow</c> key names.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>The file names looked for, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["GitVersion.yml", "GitVersion.yaml", ".GitVersion.yml", ".GitVersion.yaml"];

    /// <summary>The configuration file that applies, or null when there is none.</summary>
    public static string? Find(string repositoryRoot, string? workingDirectory = null)
    {
        foreach (var folder in new[] { workingDirectory, repositoryRoot }.OfType<string>().Distinct())
        {
            var found = FileNames.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Loads the configuration that applies to a repository: its file merged over its template, or GitFlow/v1 alone.</summary>
    /// <param name="repositoryRoot">The repository's top folder.</param>
    /// <param name="workingDirectory">Looked in first, when given.</param>
    /// <param name="configurationFile">An explicit file (--config), which must exist.</param>
    public static GitVersionConfiguration Load(string repositoryRoot, string? workingDirectory = null, string? configurationFile = null)
    {
        if (configurationFile is not null && !File.Exists(configurationFile))
        {
            throw new VersioningException($"The configuration file {configurationFile} does not exist: fix the path, or leave it out to use GitVersion.yml.");
        }

        var path = configurationFile ?? Find(repositoryRoot, workingDirectory);
        return path is null
            ? Parse(string.Empty, "(default configuration)")
            : Parse(File.ReadAllText(path), Path.GetRelativePath(repositoryRoot, Path.GetFullPath(path)).Replace('\\', '/'));
    }

    /// <summary>Reads configuration text; <paramref name="fileName"/> names it in errors.</summary>
    public static GitVersionConfiguration Parse(string yaml, string fileName)
    {
        var file = ReadRoot(yaml, fileName);
        var workflow = WorkflowTemplates.Default;
        var withoutWorkflow = new YamlMappingNode();
        foreach (var (key, value) in file.Children)
        {
            if (key is YamlScalarNode { Value: "workflow" })
            {
                workflow = value is YamlScalarNode scalar ? scalar.Value ?? string.Empty
                    : throw new VersioningException($"{fileName}({value.Start.Line}): workflow: must be one of {string.Join(", ", WorkflowTemplates.Names)}, or '' for none.");
                if (workflow.Length > 0 && WorkflowTemplates.Read(workflow) is null)
                {
                    throw new VersioningException($"{fileName}({value.Start.Line}): workflow: '{workflow}' is not a workflow; use one of {string.Join(", ", WorkflowTemplates.Names)}, or '' for none.");
                }
            }
            else
            {
                withoutWorkflow.Add(key, value);
            }
        }

        var merged = workflow.Length == 0
            ? withoutWorkflow
            : YamlMerge.Merge(ReadRoot(WorkflowTemplates.Read(workflow)!, workflow), withoutWorkflow);
        var canonical = workflow.Length == 0 ? string.Empty : WorkflowTemplates.Names.First(name => string.Equals(name, workflow, StringComparison.OrdinalIgnoreCase));
        return new ConfigurationReader(fileName).Read(merged, canonical);
    }

    private static YamlMappingNode ReadRoot(string yaml, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            var message = exception.InnerException?.Message ?? exception.Message;
            throw new VersioningException($"{fileName}({exception.Start.Line}): not valid YAML: {message.TrimEnd('.')}. Fix the syntax.", exception);
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMappingNode();
        }

        return stream.Documents[0].RootNode switch
        {
            YamlMappingNode map => map,
            YamlScalarNode { Value: null or "" } => new YamlMappingNode(),
            var other => throw new VersioningException($"{fileName}({other.Start.Line}): the file must be a map of keys to values, like 'mode: ContinuousDelivery'."),
        };
    }
}
