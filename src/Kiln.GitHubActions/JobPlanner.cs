using Kiln.Lifecycle;
using Kiln.Planning;

namespace Kiln.GitHubActions;

/// <summary>
/// Splits a workflow into jobs. Each invoked target, and each target marked OwnJob, becomes a job that
/// runs <c>./build.sh Target</c>. A job skips what the jobs it needs already did, with two exceptions:
/// a target that Produces files is done again on the fresh runner unless something in the job Consumes
/// them (then they are downloaded), and targets of later jobs are left to those jobs.
/// </summary>
internal static class JobPlanner
{
    public static IReadOnlyList<WorkflowJob> Plan(BuildModel graph, GitHubActionsAttribute workflow)
    {
        var jobTargets = JobTargets(graph, workflow);
        var jobs = Order(jobTargets.Select(target =>
            new WorkflowJob(target, graph.Plan([target.Name]).ToList()))
            .ToList(), workflow);

        foreach (var job in jobs)
        {
            job.IsCrossPlatform = workflow.CrossPlatformTargets.Contains(job.Target.Name, StringComparer.OrdinalIgnoreCase);
            Split(job, jobs, graph, workflow);
        }

        foreach (var job in jobs)
        {
            foreach (var (producer, from) in job.Downloads)
            {
                // An OS matrix uploads one artifact per image, and a consumer takes the first image's (the others
                // still gate it through needs:); the shares of a partition matrix are no whole to hand on.
                if (from.Partitions > 1)
                {
                    throw new KilnException($"[GitHubActions(\"{workflow.Name}\")]: job '{job.Id}' consumes {producer.Name}'s artifacts from the partitioned job '{from.Id}', whose shares upload separately; consume them from a job without Partition.");
                }

                if (!from.Uploads.Contains(producer))
                {
                    from.Uploads.Add(producer);
                }

                from.Downloaded.Add(producer);
            }

            // What a job's target produces (test results, coverage, packages) is the run's output: upload it.
            if (job.Target.ProducedPatterns.Count > 0 && !job.Uploads.Contains(job.Target))
            {
                job.Uploads.Insert(0, job.Target);
            }
        }

        return jobs;
    }

    private static List<BuildTarget> JobTargets(BuildModel graph, GitHubActionsAttribute workflow)
    {
        if (workflow.InvokedTargets.Length == 0)
        {
            throw new KilnException($"[GitHubActions(\"{workflow.Name}\")] has no InvokedTargets: name the targets the workflow runs, as InvokedTargets = [nameof(Test)].");
        }

        var targets = new List<BuildTarget>();
        // A target the build leaves out in this repository (a test tier without projects) has no job; --help says why.
        foreach (var name in workflow.InvokedTargets.Where(name => graph.LeftOutReason(name) is null))
        {
            var target = graph.Find(name) ?? throw new KilnException(
                $"[GitHubActions(\"{workflow.Name}\")].InvokedTargets names '{name}', which is not a target.{NameSuggestions.DidYouMean(name, graph.Targets.Select(node => node.Name))}");
            targets.Add(target);
        }

        foreach (var name in workflow.CrossPlatformTargets.Where(name => graph.Find(name) is null && graph.LeftOutReason(name) is null))
        {
            throw new KilnException($"[GitHubActions(\"{workflow.Name}\")].CrossPlatformTargets names '{name}', which is not a target.{NameSuggestions.DidYouMean(name, graph.Targets.Select(node => node.Name))}");
        }

        // Targets that want a job of their own get one wherever the workflow schedules them.
        var scheduled = graph.Plan(targets.Select(target => target.Name).ToList());
        targets.AddRange(scheduled.Where(node => JobSettings.Of(node)?.OwnJob == true));
        return targets.Distinct().ToList();
    }

    /// <summary>Orders jobs so every job follows those whose targets its plan runs first.</summary>
    private static List<WorkflowJob> Order(List<WorkflowJob> jobs, GitHubActionsAttribute workflow)
    {
        var ordered = new List<WorkflowJob>();
        var remaining = jobs.ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(job => remaining.All(other => other == job || !RunsBefore(other, job)))
                ?? throw new KilnException($"[GitHubActions(\"{workflow.Name}\")]: the jobs {string.Join(", ", remaining.Select(job => job.Id))} wait for each other; check the Triggers between their targets.");
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }

    /// <summary>True when <paramref name="earlier"/>'s target must run before <paramref name="later"/>'s: it is upstream in the later plan, or the earlier target triggers it.</summary>
    private static bool RunsBefore(WorkflowJob earlier, WorkflowJob later) =>
        (later.Plan.Contains(earlier.Target) && !earlier.Plan.Contains(later.Target))
        || (earlier.Plan.Contains(later.Target) && !later.Plan.Contains(earlier.Target) && IsDownstream(earlier, later.Target));

    private static bool IsDownstream(WorkflowJob job, BuildTarget target) =>
        job.Plan.IndexOf(target) > job.Plan.IndexOf(job.Target);

    /// <summary>The target's dependencies, transitively, without going past the ones whose artifacts are downloaded.</summary>
    private static HashSet<BuildTarget> NeededThrough(BuildTarget target, HashSet<BuildTarget> downloaded)
    {
        var needed = new HashSet<BuildTarget>();
        var pending = new Stack<BuildTarget>(target.Dependencies.Where(dependency => !downloaded.Contains(dependency)));
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (needed.Add(node))
            {
                foreach (var dependency in node.Dependencies.Where(dependency => !downloaded.Contains(dependency)))
                {
                    pending.Push(dependency);
                }
            }
        }

        return needed;
    }

    private static void Split(WorkflowJob job, List<WorkflowJob> jobs, BuildModel graph, GitHubActionsAttribute workflow)
    {
        var index = jobs.IndexOf(job);
        var upstream = jobs.Take(index).Where(other => RunsBefore(other, job)).ToList();
        var downstream = jobs.Where(other => other != job && job.Plan.Contains(other.Target) && !upstream.Contains(other)).ToList();
        var covered = upstream.SelectMany(other => other.Runs).ToHashSet();
        var runs = job.Plan.Where(node => node == job.Target || (!covered.Contains(node) && !downstream.Any(other => other.Target == node))).ToHashSet();
        var skipped = job.Plan.Where(node => !runs.Contains(node)).ToHashSet();

        // Producers whose artifacts a running target consumes are downloaded, not made again.
        var downloaded = runs.SelectMany(node => node.Consumes).Select(consumption => consumption.Producer).Where(skipped.Contains).ToHashSet();

        // A target that prepares the runner (restore, compile) is done again when the job still needs it, since its
        // results exist only on the runner that made them; a need met by downloaded artifacts does not count.
        foreach (var node in NeededThrough(job.Target, downloaded).Where(skipped.Contains).Where(node => JobSettings.Of(node)?.PreparesRunner == true).ToList())
        {
            skipped.Remove(node);
            runs.Add(node);
        }

        job.Runs.AddRange(job.Plan.Where(runs.Contains));
        job.Skips.AddRange(job.Plan.Where(skipped.Contains));
        foreach (var consumer in job.Runs)
        {
            foreach (var (producer, _) in consumer.Consumes)
            {
                if (!graph.Plan([consumer.Name]).Contains(producer))
                {
                    throw new KilnException($"Target '{consumer.Name}' consumes the artifacts of '{producer.Name}', which is not upstream of it: add DependsOn({producer.Name}) or remove the Consumes.");
                }

                if (skipped.Contains(producer) && !job.Downloads.Any(download => download.Producer == producer))
                {
                    job.Downloads.Add((producer, upstream.First(other => other.Runs.Contains(producer))));
                }
            }
        }

        var nearest = upstream.Where(candidate => !upstream.Any(other => other != candidate && RunsBefore(candidate, other))).ToList();
        job.Needs.AddRange(nearest);
        foreach (var node in job.Runs.Where(node => node != job.Target && JobSettings.Of(node)?.Environment is not null))
        {
            throw new KilnException(
                $"Target '{node.Name}' deploys to the environment '{JobSettings.Of(node)!.Environment}' but would run inside the job '{job.Id}' of [GitHubActions(\"{workflow.Name}\")], outside the environment's protection: add it to InvokedTargets or set OwnJob = true.");
        }
    }
}
