namespace Kiln.UnitTests.Scanning.Dependencies;

/// <summary>Advisory JSON in the GitHub advisory database's format (OSV), for fixtures.</summary>
internal static class Advisories
{
    /// <summary>The public advisory GHSA-5crp-9r3c-p9vr (CVE-2024-21907): Newtonsoft.Json before 13.0.1, high severity.</summary>
    public const string NewtonsoftJson = """
        {
          "schema_version": "1.4.0",
          "id": "GHSA-5crp-9r3c-p9vr",
          "modified": "2024-01-03T22:07:11Z",
          "published": "2022-06-22T15:08:47Z",
          "aliases": ["CVE-2024-21907"],
          "summary": "Improper Handling of Exceptional Conditions in Newtonsoft.Json",
          "details": "Newtonsoft.Json prior to version 13.0.1 is vulnerable to Insecure Defaults (deeply nested input).",
          "severity": [{ "type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" }],
          "affected": [
            {
              "package": { "ecosystem": "NuGet", "name": "Newtonsoft.Json" },
              "ranges": [{ "type": "ECOSYSTEM", "events": [{ "introduced": "0" }, { "fixed": "13.0.1" }] }]
            }
          ],
          "database_specific": { "cwe_ids": ["CWE-755"], "severity": "HIGH", "github_reviewed": true }
        }
        """;

    /// <summary>An advisory on one NuGet package with the given ranges' events (JSON arrays) and explicit versions.</summary>
    public static string For(string package, string[] ranges, string[]? versions = null, string id = "GHSA-aaaa-bbbb-cccc", string extra = "") => $$"""
        {
          "id": "{{id}}",
          "summary": "Something bad in {{package}}",
          {{extra}}
          "affected": [
            {
              "package": { "ecosystem": "NuGet", "name": "{{package}}" },
              "ranges": [{{string.Join(",", ranges.Select(events => $$"""{ "type": "ECOSYSTEM", "events": {{events}} }"""))}}],
              "versions": [{{string.Join(",", (versions ?? []).Select(version => $"\"{version}\""))}}]
            }
          ],
          "database_specific": { "severity": "MODERATE" }
        }
        """;
}
