using Kiln.GitHubActions;
using Kiln.Lifecycle;
using YamlDotNet.RepresentationModel;

namespace Kiln.UnitTests.GitHubActions;

public sealed class GitHubActionsSubclassTests
{
    [Fact]
    public void A_derived_attribute_adds_a_cache_step_to_the_job_it_chooses()
    {
        var workflow = GeneratedWorkflow.Of(new CachingBuild());

        Assert.Equal(["Check out", "Set up .NET", "Cache NuGet packages", "Test", "Cache npm packages"], workflow.Steps("test").Select(step => GeneratedWorkflow.Scalar(step["name"])));
        var cache = workflow.Step("test", "Cache npm packages")!;
        Assert.StartsWith("actions/cache@", GeneratedWorkflow.Scalar(cache["uses"]), StringComparison.Ordinal);
        Assert.Equal("~/.npm", GeneratedWorkflow.Scalar(((YamlMappingNode)cache["with"])["path"]));
        Assert.Null(workflow.Step("compile", "Cache npm packages"));
    }

    [Fact]
    public void A_step_a_derived_attribute_adds_is_checked_as_an_attribute_step_is()
    {
        var exception = Assert.Throws<KilnException>(() => GeneratedWorkflow.GenerateAll(new UnpinnedAddedStepBuild()));

        Assert.Contains("uses 'example/notify', which Kiln does not pin", exception.Message, StringComparison.Ordinal);
    }

    private sealed class CachingGitHubActionsAttribute(string name) : GitHubActionsAttribute(name)
    {
        protected override IEnumerable<GitHubActionsStepAttribute> AddedSteps(BuildTarget target) =>
            target.Name == "Test"
                ? [new GitHubActionsStepAttribute(Name, target.Name, "Cache npm packages") { Uses = "actions/cache", With = ["path: ~/.npm", "key: npm-${{ hashFiles('**/package-lock.json') }}"] }]
                : [];
    }

    private sealed class NotifyingGitHubActionsAttribute(string name) : GitHubActionsAttribute(name)
    {
        protected override IEnumerable<GitHubActionsStepAttribute> AddedSteps(BuildTarget target) =>
            [new GitHubActionsStepAttribute(Name, target.Name, "Notify") { Uses = "example/notify" }];
    }

    [CachingGitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Compile", "Test"])]
    private sealed class CachingBuild : KilnBuild
    {
        public Target Compile => _ => _;

        public Target Test => _ => _.DependsOn(Compile);
    }

    [NotifyingGitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Compile"])]
    private sealed class UnpinnedAddedStepBuild : KilnBuild
    {
        public Target Compile => _ => _;
    }
}
