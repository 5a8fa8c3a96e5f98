namespace Kiln.IntegrationTests;

/// <summary>
/// The tests that run a build in this process with <c>--root</c> set to a scratch folder. One at a time, because
/// <see cref="KilnBuild.RootDirectory"/> is one value for the whole process.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessRuns
{
    public const string Name = "In-process runs";
}
