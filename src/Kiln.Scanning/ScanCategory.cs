namespace Kiln.Scanning;

/// <summary>The kinds of check Scan runs; each is counted, reported and made warn-only on its own.</summary>
public enum ScanCategory
{
    /// <summary>Formatting and code-style rules (<c>dotnet format --verify-no-changes</c>).</summary>
    Style,

    /// <summary>Compiler and analyzer diagnostics of the build.</summary>
    Analyzers,

    /// <summary>Package dependencies with a known vulnerability.</summary>
    Vulnerabilities,

    /// <summary>Package dependencies whose license is not on the allow list.</summary>
    Licenses,

    /// <summary>Credentials in tracked files or in recent commits.</summary>
    Secrets,
}
