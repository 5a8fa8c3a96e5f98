namespace Kiln.GitHubActions;

/// <summary>
/// Compares the generated workflows with the files in .github/workflows. Locally it writes the ones that
/// changed and says so; on a CI server a difference fails the build with the file named and its diff.
/// </summary>
internal static class WorkflowDrift
{
    /// <returns>The files that differ from what the build generates.</returns>
    public static IReadOnlyList<string> Check(AbsolutePath root, IReadOnlyList<(string Path, string Text)> workflows, bool write)
    {
        var changed = new List<string>();
        foreach (var (path, text) in workflows)
        {
            var file = root / path;
            var current = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : null;
            if (current == text)
            {
                continue;
            }

            changed.Add(path);
            if (write)
            {
                Directory.CreateDirectory(file.Parent!);
                File.WriteAllText(file, text);
                Log.Information($"{path} {(current is null ? "created" : "updated")} from the build's [GitHubActions] attributes: commit it.");
            }
            else
            {
                Log.Error($"{path} differs from what the build generates:");
                foreach (var line in LineDiff.Unified(current ?? string.Empty, text))
                {
                    Log.Information(line);
                }
            }
        }

        return changed;
    }
}
