namespace Kiln.GitHubActions;

/// <summary>The <c>runs-on</c> label of a runner image, as jobs, matrices and artifact names write it.</summary>
internal static class RunnerLabel
{
    public static string Of(GitHubActionsImage image) => image switch
    {
        GitHubActionsImage.WindowsLatest => "windows-latest",
        GitHubActionsImage.MacOSLatest => "macos-latest",
        _ => "ubuntu-latest",
    };
}
