using YamlDotNet.RepresentationModel;

namespace Kiln.GitHubActions;

/// <summary>
/// Writes a job's <c>permissions:</c>: contents read, plus what its targets and added steps ask for. The workflow grants
/// nothing itself, so every job states exactly the token it gets.
/// </summary>
internal sealed class PermissionsWriter(AddedStepWriter addedSteps)
{
    private static readonly string[] PermissionScopes =
        ["actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses"];

    public YamlMappingNode Write(WorkflowJob job)
    {
        var permissions = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["contents"] = "read" };
        var requests = job.Runs.SelectMany(target => (JobSettings.Of(target)?.Permissions ?? []).Select(entry => (Entry: entry, Asker: $"Target '{target.Name}'")))
            .Concat(addedSteps.For(job).SelectMany(step => step.Permissions.Select(entry => (Entry: entry, Asker: AddedStepWriter.Origin(step)))));
        foreach (var (entry, asker) in requests)
        {
            var parts = entry.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !PermissionScopes.Contains(parts[0]) || parts[1] is not ("read" or "write" or "none"))
            {
                throw new KilnException($"{asker} asks for the permission '{entry}': write it as 'scope: read|write|none' with a scope of {string.Join(", ", PermissionScopes)}.");
            }

            // The strongest request for a scope wins: write over read over none.
            if (!permissions.TryGetValue(parts[0], out var current) || Rank(parts[1]) > Rank(current))
            {
                permissions[parts[0]] = parts[1];
            }
        }

        var node = new YamlMappingNode();
        foreach (var (scope, level) in permissions)
        {
            node.Add(scope, level);
        }

        return node;

        static int Rank(string level) => level switch { "write" => 2, "read" => 1, _ => 0 };
    }

    /// <summary>A job that deploys (an environment) or writes (a write permission, its own or a step's) ships what it builds.</summary>
    public static bool Ships(WorkflowJob job, YamlMappingNode permissions) =>
        job.Runs.Any(target => JobSettings.Of(target)?.Environment is not null)
        || permissions.Children.Values.Any(level => ((YamlScalarNode)level).Value == "write");
}
