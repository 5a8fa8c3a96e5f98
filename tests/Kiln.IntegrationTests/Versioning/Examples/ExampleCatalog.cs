using System.Text;
using System.Text.RegularExpressions;

namespace Kiln.IntegrationTests.Versioning.Examples;

/// <summary>Reads gitversion-examples.md (embedded): every bash block, split at its expectations.</summary>
public static partial class ExampleCatalog
{
    public static IReadOnlyList<ExampleCheckpoint> Checkpoints { get; } = Read();

    private static List<ExampleCheckpoint> Read()
    {
        using var stream = typeof(ExampleCatalog).Assembly.GetManifestResourceStream("gitversion-examples.md")
            ?? throw new InvalidOperationException("gitversion-examples.md is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        var checkpoints = new List<ExampleCheckpoint>();
        var scenario = string.Empty;
        var block = 0;
        StringBuilder? script = null;
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                scenario = line[3..].Split(' ')[0];
                block = 0;
            }
            else if (line == "```bash")
            {
                script = new StringBuilder();
                block++;
                number = 0;
            }
            else if (line == "```")
            {
                script = null;
            }
            else if (script is not null && Expectation().Match(line) is { Success: true } expect)
            {
                checkpoints.Add(new ExampleCheckpoint(scenario, block, ++number, script.ToString(), expect.Groups["version"].Value));
            }
            else
            {
                script?.Append(line).Append('\n');
            }
        }

        return checkpoints;
    }

    [GeneratedRegex(@"^# expect FullSemVer: (?<version>\S+)")]
    private static partial Regex Expectation();
}
