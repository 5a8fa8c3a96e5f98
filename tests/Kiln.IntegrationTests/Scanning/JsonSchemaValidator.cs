namespace Kiln.IntegrationTests.Scanning;

/// <summary>
/// Validates a file against a published JSON schema with Ajv (build/node/validate-json.mjs): SARIF 2.1.0 from
/// @microsoft/jest-sarif, CycloneDX 1.5 from @cyclonedx/cyclonedx-library, both pinned in build/node.
/// </summary>
internal static class JsonSchemaValidator
{
    /// <summary>Validates <paramref name="file"/> as <paramref name="format"/> (<c>sarif</c> or <c>cyclonedx-1.5</c>).</summary>
    public static Task<ValidatorResult> ValidateAsync(string format, string file) =>
        NodeTools.RunAsync("node", [Path.Combine(NodeTools.Folder, "validate-json.mjs"), format, file]);
}
