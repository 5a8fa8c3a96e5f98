namespace Kiln.GitHubActions;

/// <summary>The runner images jobs run on.</summary>
public enum GitHubActionsImage
{
    /// <summary>ubuntu-latest.</summary>
    UbuntuLatest,

    /// <summary>windows-latest.</summary>
    WindowsLatest,

    /// <summary>macos-latest.</summary>
    MacOSLatest,
}
