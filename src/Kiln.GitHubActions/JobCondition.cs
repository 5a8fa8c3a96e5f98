namespace Kiln.GitHubActions;

/// <summary>A job's <c>if:</c> expression: after failed dependencies for an assured target, and only on the refs its settings name.</summary>
internal static class JobCondition
{
    /// <summary>The expression, or null when the job always runs.</summary>
    public static string? Of(WorkflowJob job, GitHubActionsJobAttribute? settings)
    {
        var conditions = new List<string>();

        // An assured target runs after its dependencies failed (a test report, a cleanup): so does its job.
        if (job.Needs.Count > 0 && job.Target.IsAssuredAfterFailure)
        {
            conditions.Add("!cancelled()");
        }

        if (settings?.OnlyOnRefs is { Length: > 0 } refs)
        {
            conditions.Add(RefCondition(job, refs, parenthesize: conditions.Count > 0));
        }

        return conditions.Count > 0 ? $"${{{{ {string.Join(" && ", conditions)} }}}}" : null;
    }

    /// <summary>The job's condition on <c>github.ref</c>: one of the refs, a trailing * matching the rest.</summary>
    private static string RefCondition(WorkflowJob job, IReadOnlyList<string> refs, bool parenthesize)
    {
        var tests = new List<string>();
        foreach (var reference in refs)
        {
            var star = reference.IndexOf('*', StringComparison.Ordinal);
            if (!reference.StartsWith("refs/", StringComparison.Ordinal) || reference.Contains('\'', StringComparison.Ordinal) || (star >= 0 && star != reference.Length - 1))
            {
                throw new KilnException(
                    $"Target '{job.Target.Name}' limits its job to the ref '{reference}': write a full ref, as 'refs/heads/main', with at most a trailing *, as 'refs/heads/release/*'.");
            }

            tests.Add(star < 0 ? $"github.ref == '{reference}'" : $"startsWith(github.ref, '{reference[..^1]}')");
        }

        var condition = string.Join(" || ", tests);
        return parenthesize && tests.Count > 1 ? $"({condition})" : condition;
    }
}
