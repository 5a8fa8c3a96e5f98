using Kiln.Versioning.Output;

namespace Kiln.Versioning.Tool;

/// <summary>What <c>kiln-version --help</c> prints.</summary>
internal static class HelpText
{
    public static string Text { get; } = $"""
        kiln-version: the version of a git repository, computed from its history and GitVersion.yml as GitVersion 6 does.

        Usage: kiln-version [PATH] [options]

          PATH                    A folder inside the repository (default: the current folder).
          --output json|dotenv    json (default): every variable, as GitVersion's /output json writes them.
                                  dotenv: one GitVersion_Name='value' line per variable.
          --show-variable NAME    Print one variable's value only (an empty line when it is null).
          --config PATH           Use this configuration file instead of the GitVersion.yml found
                                  in PATH or at the repository root.
          --verbosity verbose     Show the stack trace of an error.
          --help                  Show this help.

        GitVersion's spellings work too: /output json, /showvariable NAME, /config PATH, /targetpath PATH.
        /nofetch, /nocache and /nonormalize are accepted and change nothing: kiln-version never fetches or caches.

        Variables: {string.Join(", ", VersionVariables.Names)}.

        Exit codes: 0 done, 1 the version could not be computed (not a repository, a shallow clone,
        a bad GitVersion.yml, an unknown variable), 2 a bad command line.

        Examples:
          kiln-version
          kiln-version --show-variable SemVer
          kiln-version ../other-repo /output json /config build/GitVersion.yml
        """;
}
