namespace Kiln.Lifecycle;

/// <summary>
/// An extension that writes files which follow from the build's declaration (the CI workflows, say) and so must stay in
/// step with it: locally the engine asks it to update them, on a CI server to check them, with <c>--plan</c> to only
/// generate them (a mistake in the declaration stops the plan too), and with <c>--generate-workflows</c> to write them
/// and end the run. Locally it is not asked at all while the compiled build and its files are as they were last time.
/// Implemented by an attribute on the build class, or by the build itself.
/// </summary>
/// <remarks>
/// Extensions that share a <see cref="GeneratedFilesName"/> are one set: the engine asks the first of them, which
/// generates for all (every <c>[GitHubActions]</c> of a build, for example).
/// </remarks>
public interface IGeneratesFiles
{
    /// <summary>What the files are, for messages and the stamp in <c>.nuke/temp</c>: <c>workflows</c>.</summary>
    string GeneratedFilesName { get; }

    /// <summary>The files it owns as they are on disk now, so that an edited or deleted one is generated again.</summary>
    IEnumerable<AbsolutePath> ExistingGeneratedFiles(AbsolutePath rootDirectory);

    /// <summary>Generates the files and, as <paramref name="mode"/> says, writes them, checks them or only validates.</summary>
    /// <exception cref="KilnException">The build's declaration is wrong, or (<see cref="GeneratedFilesMode.Check"/>) a committed file differs.</exception>
    void GenerateFiles(BuildModel build, GeneratedFilesMode mode);
}
