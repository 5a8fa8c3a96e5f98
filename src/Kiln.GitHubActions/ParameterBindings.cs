using Kiln.Lifecycle;
using Kiln.Planning;

namespace Kiln.GitHubActions;

/// <summary>
/// The build parameters a workflow names (secrets, variables, dispatch inputs), each with the expression that gives its value
/// in a job. Triggers, environments and the target step all resolve names here, so a typo fails with one message.
/// </summary>
internal sealed class ParameterBindings(GitHubActionsAttribute workflow, IReadOnlyList<BuildParameter> parameters)
{
    /// <summary>Secrets, variables and dispatch inputs, each as the parameter it sets and the expression that gives its value.</summary>
    public List<(BuildParameter Parameter, string Value)> All()
    {
        var bindings = new List<(BuildParameter, string)>();
        foreach (var parameter in workflow.ImportSecrets.Select(name => Parameter(name, nameof(workflow.ImportSecrets))))
        {
            if (!parameter.IsSecret)
            {
                throw new KilnException($"[GitHubActions(\"{workflow.Name}\")].ImportSecrets binds '{parameter.Name}', which is not marked [Secret]: mark it [Secret] so its value is masked, or use ImportVariables.");
            }

            bindings.Add((parameter, $"${{{{ secrets.{parameter.EnvironmentName} }}}}"));
        }

        foreach (var parameter in workflow.ImportVariables.Select(name => Parameter(name, nameof(workflow.ImportVariables))))
        {
            if (parameter.IsSecret)
            {
                throw new KilnException($"[GitHubActions(\"{workflow.Name}\")].ImportVariables binds the secret parameter '{parameter.Name}'; variables are not masked. Use ImportSecrets.");
            }

            bindings.Add((parameter, $"${{{{ vars.{parameter.EnvironmentName} }}}}"));
        }

        foreach (var parameter in DispatchInputs())
        {
            bindings.Add((parameter, $"${{{{ inputs.{InputId(parameter)} }}}}"));
        }

        return bindings;
    }

    /// <summary>The parameters <see cref="GitHubActionsAttribute.WorkflowDispatchInputs"/> names, in its order.</summary>
    public IEnumerable<BuildParameter> DispatchInputs() =>
        workflow.WorkflowDispatchInputs.Select(name => Parameter(name, nameof(workflow.WorkflowDispatchInputs)));

    public static string InputId(BuildParameter parameter) => parameter.KebabCaseName;

    private BuildParameter Parameter(string name, string property) =>
        parameters.FirstOrDefault(parameter => string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new KilnException($"[GitHubActions(\"{workflow.Name}\")].{property} names '{name}', which is not a parameter of the build.{NameSuggestions.DidYouMean(name, parameters.Select(parameter => parameter.Name))}");
}
