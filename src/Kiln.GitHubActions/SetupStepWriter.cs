using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Kiln.GitHubActions;

/// <summary>Writes the steps every job starts with: check out, set up .NET and, where the job ships nothing, the NuGet cache.</summary>
internal sealed class SetupStepWriter(GitHubActionsAttribute workflow, ActionReferences actions, bool sdkFromGlobalJson)
{
    public YamlSequenceNode Write(bool ships)
    {
        var steps = new YamlSequenceNode
        {
            new YamlMappingNode
            {
                { "name", "Check out" },
                { "uses", actions.Uses(ActionVersions.Checkout) },
                {
                    // The build reads git history and never pushes: the job token stays out of .git/config, where any
                    // later step or tool could read it.
                    "with", new YamlMappingNode
                    {
                        { "fetch-depth", workflow.FetchDepth.ToString(CultureInfo.InvariantCulture) },
                        { "persist-credentials", "false" },
                    }
                },
            },
            new YamlMappingNode
            {
                { "name", "Set up .NET" },
                { "uses", actions.Uses(ActionVersions.SetupDotNet) },
                { "with", sdkFromGlobalJson ? new YamlMappingNode { { "global-json-file", "global.json" } } : new YamlMappingNode { { "dotnet-version", "10.0.x" } } },
            },
        };

        // A job that deploys or writes (an environment, a write permission, its own or a step's) ships what it builds:
        // it restores packages from the feeds, never from a cache that a run of any branch could have filled.
        if (!ships)
        {
            steps.Add(new YamlMappingNode
            {
                { "name", "Cache NuGet packages" },
                { "uses", actions.Uses(ActionVersions.Cache) },
                {
                    "with", new YamlMappingNode
                    {
                        { "path", "~/.nuget/packages" },
                        { "key", "${{ runner.os }}-nuget-${{ hashFiles('global.json', 'Directory.Packages.props', '**/*.csproj') }}" },
                        { "restore-keys", "${{ runner.os }}-nuget-" },
                    }
                },
            });
        }

        return steps;
    }
}
