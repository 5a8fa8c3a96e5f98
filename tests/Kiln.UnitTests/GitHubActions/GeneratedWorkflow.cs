using Kiln.GitHubActions;
using Kiln.Lifecycle;
using YamlDotNet.RepresentationModel;

namespace Kiln.UnitTests.GitHubActions;

/// <summary>Generates a build's workflows in memory and parses one back, to assert on its structure rather than its text.</summary>
internal sealed class GeneratedWorkflow
{
    private GeneratedWorkflow(string text)
    {
        Text = text;
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Root = (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public string Text { get; }

    public YamlMappingNode Root { get; }

    public static IReadOnlyList<(string Path, string Text)> GenerateAll(KilnBuild build, bool sdkFromGlobalJson = true) =>
        WorkflowGenerator.Generate(BuildModel.Create(build, AbsolutePath.Create(Path.GetTempPath())), sdkFromGlobalJson);

    public static GeneratedWorkflow Of(KilnBuild build, string name = "ci", bool sdkFromGlobalJson = true) =>
        new(GenerateAll(build, sdkFromGlobalJson).Single(workflow => workflow.Path == $".github/workflows/{name}.yml").Text);

    public YamlMappingNode Job(string id) => (YamlMappingNode)((YamlMappingNode)Root["jobs"])[id];

    public IReadOnlyList<string> JobIds => ((YamlMappingNode)Root["jobs"]).Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToList();

    public IReadOnlyList<string> Needs(string id) =>
        Job(id).Children.TryGetValue("needs", out var needs) ? Strings(needs) : [];

    public IReadOnlyList<YamlMappingNode> Steps(string id) => ((YamlSequenceNode)Job(id)["steps"]).Children.Cast<YamlMappingNode>().ToList();

    public YamlMappingNode RunStep(string id) => Steps(id).Single(step => step.Children.ContainsKey("run"));

    public string Run(string id) => Scalar(RunStep(id)["run"]);

    public YamlMappingNode? Step(string id, string name) =>
        Steps(id).SingleOrDefault(step => Scalar(step["name"]) == name);

    public static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;

    public static IReadOnlyList<string> Strings(YamlNode node) => ((YamlSequenceNode)node).Children.Select(Scalar).ToList();

    public static string At(YamlNode node, params string[] path) =>
        Scalar(path.Aggregate(node, (current, key) => ((YamlMappingNode)current)[key]));
}
