using YamlDotNet.RepresentationModel;

namespace Kiln.GitHubActions;

/// <summary>Writes a workflow's <c>on:</c> section: each trigger with its filters, and the workflow_dispatch inputs.</summary>
internal sealed class TriggerWriter(GitHubActionsAttribute workflow, ParameterBindings parameters)
{
    public YamlMappingNode Write()
    {
        if (workflow.On.Length == 0)
        {
            throw new KilnException($"[GitHubActions(\"{workflow.Name}\")] has no triggers: set On, as On = [GitHubActionsTrigger.Push].");
        }

        var on = new YamlMappingNode();
        foreach (var trigger in workflow.On.Distinct())
        {
            switch (trigger)
            {
                case GitHubActionsTrigger.Push:
                    on.Add("push", Filters(
                        ("branches", workflow.OnPushBranches), ("branches-ignore", workflow.OnPushBranchesIgnore), ("tags", workflow.OnPushTags),
                        ("paths", workflow.OnPushPaths), ("paths-ignore", workflow.OnPushPathsIgnore)));
                    break;
                case GitHubActionsTrigger.PullRequest:
                    on.Add("pull_request", Filters(
                        ("branches", workflow.OnPullRequestBranches), ("branches-ignore", workflow.OnPullRequestBranchesIgnore),
                        ("paths", workflow.OnPullRequestPaths), ("paths-ignore", workflow.OnPullRequestPathsIgnore)));
                    break;
                case GitHubActionsTrigger.WorkflowDispatch:
                    on.Add("workflow_dispatch", DispatchInputs());
                    break;
                case GitHubActionsTrigger.Schedule:
                    if (workflow.OnCronSchedule.Length == 0)
                    {
                        throw new KilnException($"[GitHubActions(\"{workflow.Name}\")] runs on Schedule but has no OnCronSchedule: add one, as OnCronSchedule = [\"0 3 * * *\"].");
                    }

                    on.Add("schedule", new YamlSequenceNode(workflow.OnCronSchedule.Select(cron => (YamlNode)new YamlMappingNode { { "cron", cron } })));
                    break;
                case GitHubActionsTrigger.Release:
                    on.Add("release", Filters(("types", workflow.OnReleaseTypes)));
                    break;
            }
        }

        return on;
    }

    private static YamlMappingNode Filters(params (string Key, string[] Values)[] filters)
    {
        var node = new YamlMappingNode();
        foreach (var (key, values) in filters.Where(filter => filter.Values.Length > 0))
        {
            node.Add(key, new YamlSequenceNode(values.Select(value => (YamlNode)new YamlScalarNode(value))));
        }

        return node;
    }

    private YamlMappingNode DispatchInputs()
    {
        var inputs = new YamlMappingNode();
        foreach (var name in workflow.EnvironmentInputs.Where(name => !workflow.WorkflowDispatchInputs.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            throw new KilnException($"[GitHubActions(\"{workflow.Name}\")].EnvironmentInputs names '{name}', which is not in WorkflowDispatchInputs: add it there too.");
        }

        foreach (var parameter in parameters.DispatchInputs())
        {
            if (parameter.IsSecret)
            {
                throw new KilnException($"[GitHubActions(\"{workflow.Name}\")].WorkflowDispatchInputs names the secret parameter '{parameter.Name}'; inputs are visible in the run's log. Bind it with ImportSecrets instead.");
            }

            var input = new YamlMappingNode
            {
                { "description", parameter.Description ?? parameter.Name },
                { "required", "false" },
            };
            if (workflow.EnvironmentInputs.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
            {
                input.Add("type", "environment");
            }
            else if (parameter.IsFlag)
            {
                input.Add("type", "boolean");
            }
            else if (parameter.AllowedValues.Count > 0)
            {
                input.Add("type", "choice");
                input.Add("options", new YamlSequenceNode(parameter.AllowedValues.Select(value => (YamlNode)new YamlScalarNode(value))));
            }
            else
            {
                input.Add("type", "string");
            }

            inputs.Add(ParameterBindings.InputId(parameter), input);
        }

        return inputs.Children.Count == 0 ? new YamlMappingNode() : new YamlMappingNode { { "inputs", inputs } };
    }
}
