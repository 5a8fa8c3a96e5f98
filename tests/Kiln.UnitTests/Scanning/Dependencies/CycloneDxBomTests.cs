using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kiln.Scanning.Dependencies;

namespace Kiln.UnitTests.Scanning.Dependencies;

public sealed class CycloneDxBomTests : IDisposable
{
    private static readonly DateTimeOffset Timestamp = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly RestoredSolution solution = new();

    public CycloneDxBomTests()
    {
        solution
            .Package("Newtonsoft.Json", "12.0.1", "<licenseUrl>https://licenses.nuget.org/MIT</licenseUrl>")
            .Package("Serilog", "3.1.1", """<license type="expression">Apache-2.0 OR MIT</license>""", "Newtonsoft.Json/12.0.1")
            .Package("Custom", "1.0.0", """<license type="file">LICENSE.txt</license>""")
            .Project("App", ["Serilog"], references: ["Lib"])
            .Project("Lib", ["Custom"]);
    }

    public void Dispose() => solution.Dispose();

    [Fact]
    public void The_sbom_is_cyclonedx_1_5_with_a_uuid_serial_number_and_kiln_as_the_tool()
    {
        var bom = Parse();

        Assert.Equal("CycloneDX", bom.GetProperty("bomFormat").GetString());
        Assert.Equal("1.5", bom.GetProperty("specVersion").GetString());
        Assert.Equal(1, bom.GetProperty("version").GetInt32());
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", bom.GetProperty("serialNumber").GetString());
        var metadata = bom.GetProperty("metadata");
        Assert.Equal("2026-11-30T12:00:00Z", metadata.GetProperty("timestamp").GetString());
        Assert.Equal("Kiln", metadata.GetProperty("tools").GetProperty("components")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void The_solution_is_the_metadata_component_with_its_projects_inside()
    {
        var component = Parse().GetProperty("metadata").GetProperty("component");

        Assert.Equal("Solution", component.GetProperty("name").GetString());
        Assert.Equal("Solution.sln", component.GetProperty("bom-ref").GetString());
        Assert.Equal(
            ["src/App/App.csproj", "src/Lib/Lib.csproj"],
            component.GetProperty("components").EnumerateArray().Select(project => project.GetProperty("bom-ref").GetString()));
    }

    [Fact]
    public void Each_package_is_a_library_named_by_its_purl()
    {
        var components = Parse().GetProperty("components").EnumerateArray().ToList();

        Assert.Equal(
            ["pkg:nuget/Custom@1.0.0", "pkg:nuget/Newtonsoft.Json@12.0.1", "pkg:nuget/Serilog@3.1.1"],
            components.Select(component => component.GetProperty("bom-ref").GetString()));
        var json = components[1];
        Assert.Equal("library", json.GetProperty("type").GetString());
        Assert.Equal("Newtonsoft.Json", json.GetProperty("name").GetString());
        Assert.Equal("12.0.1", json.GetProperty("version").GetString());
        Assert.Equal("pkg:nuget/Newtonsoft.Json@12.0.1", json.GetProperty("purl").GetString());
    }

    [Fact]
    public void Each_package_carries_the_sha512_of_the_assets_file_as_hex()
    {
        var json = Component("Newtonsoft.Json");

        var hash = Assert.Single(json.GetProperty("hashes").EnumerateArray().ToList());
        Assert.Equal("SHA-512", hash.GetProperty("alg").GetString());
        Assert.Equal(
            Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes("Newtonsoft.Json/12.0.1"))),
            hash.GetProperty("content").GetString());
    }

    [Fact]
    public void Licenses_are_an_id_an_expression_or_a_named_license()
    {
        Assert.Equal("MIT", Component("Newtonsoft.Json").GetProperty("licenses")[0].GetProperty("license").GetProperty("id").GetString());
        Assert.Equal("Apache-2.0 OR MIT", Component("Serilog").GetProperty("licenses")[0].GetProperty("expression").GetString());
        Assert.Equal("license file LICENSE.txt in the package", Component("Custom").GetProperty("licenses")[0].GetProperty("license").GetProperty("name").GetString());
    }

    [Fact]
    public void Dependencies_run_from_the_solution_through_its_projects_to_the_packages()
    {
        var dependencies = Parse().GetProperty("dependencies").EnumerateArray()
            .ToDictionary(
                dependency => dependency.GetProperty("ref").GetString()!,
                dependency => dependency.GetProperty("dependsOn").EnumerateArray().Select(reference => reference.GetString()!).ToList());

        Assert.Equal(["src/App/App.csproj", "src/Lib/Lib.csproj"], dependencies["Solution.sln"]);
        Assert.Equal(["src/Lib/Lib.csproj", "pkg:nuget/Serilog@3.1.1"], dependencies["src/App/App.csproj"]);
        Assert.Equal(["pkg:nuget/Custom@1.0.0"], dependencies["src/Lib/Lib.csproj"]);
        Assert.Equal(["pkg:nuget/Newtonsoft.Json@12.0.1"], dependencies["pkg:nuget/Serilog@3.1.1"]);
        Assert.Empty(dependencies["pkg:nuget/Newtonsoft.Json@12.0.1"]);
    }

    [Fact]
    public void The_same_graph_and_timestamp_give_the_same_bytes()
    {
        var first = CycloneDxBom.Create(solution.Read(), Timestamp);
        var second = CycloneDxBom.Create(solution.Read(), Timestamp);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_graph_gets_another_serial_number()
    {
        var before = Parse().GetProperty("serialNumber").GetString();
        solution.Package("Extra", "1.0.0").Project("Extra", ["Extra"]);

        Assert.NotEqual(before, Parse().GetProperty("serialNumber").GetString());
    }

    [Fact]
    public async Task WriteAsync_writes_the_same_json_to_a_file_in_a_new_folder()
    {
        var path = Path.Combine(solution.Root, "artifacts", "scan", "sbom.cdx.json");

        await CycloneDxBom.WriteAsync(solution.Read(), path, Timestamp);

        Assert.Equal(CycloneDxBom.Create(solution.Read(), Timestamp), await File.ReadAllTextAsync(path));
    }

    private JsonElement Component(string name) =>
        Parse().GetProperty("components").EnumerateArray().Single(component => component.GetProperty("name").GetString() == name);

    private JsonElement Parse()
    {
        using var document = JsonDocument.Parse(CycloneDxBom.Create(solution.Read(), Timestamp));
        return document.RootElement.Clone();
    }
}
