using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kiln.GitHubActions;

/// <summary>
/// Writes the deployment environment a job runs in (<c>environment:</c>, not the <c>env:</c> variables of its steps) and
/// the concurrency group that makes deploys to one environment take turns.
/// </summary>
internal sealed partial class DeploymentEnvironmentWriter(GitHubActionsAttribute workflow, ParameterBindings parameters)
{
    public void AddTo(YamlMappingNode node, WorkflowJob job, GitHubActionsJobAttribute? settings)
    {
        if (settings?.Environment is { } environment)
        {
            CheckEnvironmentInput(job, environment);
            var environmentNode = new YamlMappingNode { { "name", environment } };
            if (settings.EnvironmentUrl is { } url)
            {
                environmentNode.Add("url", url);
            }

            node.Add("environment", environmentNode);

            // Two runs deploying to one environment (two tags, say) take turns; the later never cancels the earlier
            // halfway through a deploy.
            node.Add("concurrency", new YamlMappingNode { { "group", $"deploy-{environment}" }, { "cancel-in-progress", "false" } });
        }
    }

    /// <summary>An environment chosen by a dispatch input (<c>${{ inputs.environment }}</c>) needs that input in the workflow.</summary>
    private void CheckEnvironmentInput(WorkflowJob job, string environment)
    {
        var match = InputExpression().Match(environment);
        if (match.Success && !parameters.DispatchInputs().Any(parameter => ParameterBindings.InputId(parameter) == match.Groups["id"].Value))
        {
            throw new KilnException(
                $"Target '{job.Target.Name}' runs in the environment of the input '{match.Groups["id"].Value}', which [GitHubActions(\"{workflow.Name}\")] does not declare: add the parameter to WorkflowDispatchInputs and EnvironmentInputs.");
        }
    }

    [GeneratedRegex(@"\$\{\{\s*inputs\.(?<id>[A-Za-z0-9_-]+)\s*\}\}")]
    private static partial Regex InputExpression();
}
