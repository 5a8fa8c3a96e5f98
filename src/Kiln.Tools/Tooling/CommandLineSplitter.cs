using System.Text;

namespace Kiln.Tooling;

/// <summary>
/// Splits a command line given as one string (NUKE's <c>Git("tag -a v1 -m \"first release\"")</c>) into the argument
/// list the process runner takes: at white space outside double quotes; a backslash before a double quote keeps it.
/// </summary>
internal static class CommandLineSplitter
{
    public static IReadOnlyList<string> Split(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var arguments = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var started = false;
        for (var index = 0; index < commandLine.Length; index++)
        {
            var character = commandLine[index];
            if (character == '\\' && index + 1 < commandLine.Length && commandLine[index + 1] == '"')
            {
                current.Append('"');
                started = true;
                index++;
            }
            else if (character == '"')
            {
                quoted = !quoted;
                started = true;
            }
            else if (char.IsWhiteSpace(character) && !quoted)
            {
                if (started)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    started = false;
                }
            }
            else
            {
                current.Append(character);
                started = true;
            }
        }

        if (quoted)
        {
            throw new KilnException($"The command line has a double quote that is not closed: {commandLine}");
        }

        if (started)
        {
            arguments.Add(current.ToString());
        }

        return arguments;
    }
}
