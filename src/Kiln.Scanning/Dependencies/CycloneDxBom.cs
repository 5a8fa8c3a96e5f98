using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kiln.Scanning.Dependencies;

/// <summary>
/// Writes a <see cref="PackageGraph"/> as a CycloneDX 1.5 JSON SBOM: the solution as the metadata component with its
/// projects nested in it, every package as a library component (bom-ref and purl <c>pkg:nuget/Id@Version</c>, license,
/// SHA-512 hash), and the dependency graph from the solution through its projects to the packages. The same graph and
/// timestamp give the same bytes, serial number included (a hash of the content).
/// </summary>
public static class CycloneDxBom
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The SBOM as JSON text.</summary>
    /// <param name="graph">The solution's packages.</param>
    /// <param name="timestamp">The metadata timestamp (the commit's time keeps the SBOM reproducible).</param>
    /// <param name="name">The name of the solution component; the solution file's name without extension when null.</param>
    public static string Create(PackageGraph graph, DateTimeOffset timestamp, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        name ??= Path.GetFileNameWithoutExtension(graph.SolutionFile);
        var unsigned = Write(graph, timestamp, name, serialNumber: "");
        var serialNumber = "urn:uuid:" + DeterministicUuid(unsigned);
        return System.Text.Encoding.UTF8.GetString(Write(graph, timestamp, name, serialNumber));
    }

    /// <summary>Writes the SBOM to a file (UTF-8, no byte order mark), creating its folder.</summary>
    /// <param name="graph">The solution's packages.</param>
    /// <param name="path">The file, such as <c>artifacts/scan/sbom.cdx.json</c>.</param>
    /// <param name="timestamp">The metadata timestamp.</param>
    /// <param name="name">The name of the solution component; the solution file's name without extension when null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task WriteAsync(PackageGraph graph, string path, DateTimeOffset timestamp, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var json = Create(graph, timestamp, name);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, json, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Write(PackageGraph graph, DateTimeOffset timestamp, string name, string serialNumber)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var solutionRef = Path.GetFileName(graph.SolutionFile);
            writer.WriteStartObject();
            writer.WriteString("bomFormat", "CycloneDX");
            writer.WriteString("specVersion", "1.5");
            writer.WriteString("serialNumber", serialNumber);
            writer.WriteNumber("version", 1);

            writer.WriteStartObject("metadata");
            writer.WriteString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteStartObject("tools");
            writer.WriteStartArray("components");
            writer.WriteStartObject();
            writer.WriteString("type", "application");
            writer.WriteString("name", "Kiln");
            writer.WriteString("version", KilnVersion());
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("component");
            writer.WriteString("type", "application");
            writer.WriteString("bom-ref", solutionRef);
            writer.WriteString("name", name);
            writer.WriteStartArray("components");
            foreach (var project in graph.Projects)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "library");
                writer.WriteString("bom-ref", project.ProjectFile);
                writer.WriteString("name", project.Name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();

            writer.WriteStartArray("components");
            foreach (var package in graph.Packages)
            {
                WriteComponent(writer, package);
            }

            writer.WriteEndArray();

            writer.WriteStartArray("dependencies");
            WriteDependency(writer, solutionRef, graph.Projects.Select(project => project.ProjectFile));
            foreach (var project in graph.Projects)
            {
                WriteDependency(writer, project.ProjectFile, ProjectDependsOn(graph, project));
            }

            foreach (var package in graph.Packages)
            {
                WriteDependency(writer, package.Purl, package.DependsOn);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteComponent(Utf8JsonWriter writer, Package package)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "library");
        writer.WriteString("bom-ref", package.Purl);
        writer.WriteString("name", package.Id);
        writer.WriteString("version", package.Version);
        writer.WriteString("purl", package.Purl);
        WriteLicenses(writer, package.License);
        if (package.Sha512 is { } sha512 && Hex(sha512) is { } hex)
        {
            writer.WriteStartArray("hashes");
            writer.WriteStartObject();
            writer.WriteString("alg", "SHA-512");
            writer.WriteString("content", hex);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteLicenses(Utf8JsonWriter writer, PackageLicense license)
    {
        if (license.Kind is PackageLicenseKind.None or PackageLicenseKind.NotFound)
        {
            return;
        }

        writer.WriteStartArray("licenses");
        writer.WriteStartObject();
        var expression = LicenseCheck.ExpressionOf(license);
        if (expression is not null && LicenseExpression.StandardIdentifier(expression) is { } id)
        {
            writer.WriteStartObject("license");
            writer.WriteString("id", id);
            writer.WriteEndObject();
        }
        else if (expression is not null && LicenseExpression.IsValid(expression) && expression.Contains(' ', StringComparison.Ordinal))
        {
            writer.WriteString("expression", expression);
        }
        else
        {
            writer.WriteStartObject("license");
            writer.WriteString("name", expression ?? (license.Kind == PackageLicenseKind.Url ? "unknown" : license.ToString()));
            if (license.Kind == PackageLicenseKind.Url)
            {
                writer.WriteString("url", license.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteDependency(Utf8JsonWriter writer, string reference, IEnumerable<string> dependsOn)
    {
        writer.WriteStartObject();
        writer.WriteString("ref", reference);
        writer.WriteStartArray("dependsOn");
        foreach (var dependency in dependsOn)
        {
            writer.WriteStringValue(dependency);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// A project's edges: the projects it references, its direct packages, and any of its packages that neither of
    /// those reaches (so that every package hangs from a root).
    /// </summary>
    private static List<string> ProjectDependsOn(PackageGraph graph, ProjectPackages project)
    {
        var projects = graph.Projects.ToDictionary(candidate => candidate.ProjectFile, StringComparer.Ordinal);
        var packages = graph.Packages.ToDictionary(package => package.Purl, StringComparer.Ordinal);
        var references = project.ProjectReferences.Where(projects.ContainsKey).ToList();
        var distinct = project.DistinctPackages;
        var direct = distinct.Where(resolved => resolved.IsDirect).Select(resolved => resolved.Package.Purl).ToList();

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(direct.Concat(references.SelectMany(reference => projects[reference].DistinctPackages.Select(resolved => resolved.Package.Purl))));
        while (pending.TryPop(out var purl))
        {
            if (reached.Add(purl) && packages.TryGetValue(purl, out var package))
            {
                foreach (var dependency in package.DependsOn)
                {
                    pending.Push(dependency);
                }
            }
        }

        var orphans = distinct.Select(resolved => resolved.Package.Purl).Where(purl => !reached.Contains(purl));
        return references.Concat(direct.Concat(orphans).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)).ToList();
    }

    private static string? Hex(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? Convert.ToHexStringLower(bytes.AsSpan(0, written)) : null;
    }

    /// <summary>A version-5-shaped UUID from the SHA-256 of the content: the same content, the same serial number.</summary>
    private static string DeterministicUuid(byte[] content)
    {
        var hash = SHA256.HashData(content).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true).ToString("D");
    }

    private static string KilnVersion() =>
        typeof(CycloneDxBom).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
