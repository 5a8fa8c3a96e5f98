using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kiln.IntegrationTests.GitHubActions;

/// <summary>
/// This repository's committed workflows, read as CI reads them: every job runs ./build.sh with targets the build has,
/// hands artifacts only to jobs that wait for them, uploads what its test tier produces, and may run long enough for a
/// hung test to be reported. The sample workflow's rehearsal (system tests) shows that such jobs run; this shows, in a
/// second, that this repository's own jobs are of that shape.
/// </summary>
public sealed class CommittedWorkflowTests
{
    /// <summary>ITest.TestHangTimeout's default, which the tiers run with unless .nuke/parameters.json says otherwise.</summary>
    private static readonly TimeSpan DefaultHangTimeout = TimeSpan.FromMinutes(10);

    private static readonly string[] TierTargets = ["UnitTest", "IntegrationTest", "SystemTest"];

    /// <summary>Permissions that let a job ship: push code, tags or releases, packages, deployments.</summary>
    private static readonly string[] ShippingScopes = ["contents", "packages", "deployments"];

    public static TheoryData<string> Workflows => new(Directory.GetFiles(Path.Combine(RepositoryRoot.Path, ".github", "workflows"), "*.yml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_job_runs_build_sh_with_a_target_of_the_build_and_skips_only_targets_of_the_build(string workflow)
    {
        var targets = BuildTargets();

        foreach (var (id, job) in Jobs(workflow))
        {
            var commands = Commands(job).ToList();
            var command = Assert.Single(commands);
            Assert.True(targets.Contains(command.Target), $"Job {id} runs ./build.sh {command.Target}, which is no target of the build.");
            Assert.All(command.Skipped, skipped => Assert.True(targets.Contains(skipped), $"Job {id} skips {skipped}, which is no target of the build."));
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_downloaded_artifact_is_uploaded_by_a_job_that_runs_before_it(string workflow)
    {
        var jobs = Jobs(workflow).ToDictionary(job => job.Id, job => job.Job);

        foreach (var (id, job) in jobs)
        {
            var upstream = Upstream(id, jobs);
            var uploaded = upstream.SelectMany(other => Artifacts(jobs[other], "actions/upload-artifact")).SelectMany(name => Expand(name, jobs, upstream)).ToHashSet();
            foreach (var downloaded in Artifacts(job, "actions/download-artifact"))
            {
                Assert.True(uploaded.Contains(downloaded), $"Job {id} downloads '{downloaded}', which no job it needs uploads ({string.Join(", ", uploaded)}).");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void A_test_tier_job_uploads_the_results_and_coverage_of_every_project_its_pattern_selects(string workflow)
    {
        foreach (var (id, job) in Jobs(workflow))
        {
            var target = Commands(job).Single().Target;
            if (!TierTargets.Contains(target))
            {
                continue;
            }

            var paths = UploadedPaths(job);
            // The tier's projects are tests/<name>/<name>.csproj; sample repositories deeper down are test data.
            var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "tests"), $"*.{target}s")
                .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
                .Select(Path.GetFileNameWithoutExtension).ToList();
            Assert.NotEmpty(projects);
            foreach (var project in projects)
            {
                Assert.Contains($"artifacts/test-results/{project}.trx", paths);
                Assert.Contains($"artifacts/coverage/raw/{project}.cobertura.xml", paths);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_job_may_run_at_least_twice_as_long_as_the_hang_timeout_of_its_tests(string workflow)
    {
        var hangTimeout = HangTimeout();

        foreach (var (id, job) in Jobs(workflow))
        {
            var minutes = int.Parse(Scalar(job, "timeout-minutes") ?? "360", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(
                TimeSpan.FromMinutes(minutes) >= 2 * hangTimeout,
                $"Job {id} may run {minutes} minutes, less than twice the tests' hang timeout ({hangTimeout}): a hung test would be cancelled before its dump is written.");
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_checkout_leaves_no_credentials_in_the_repository(string workflow)
    {
        foreach (var (id, job) in Jobs(workflow))
        {
            var checkout = Assert.Single(Steps(job), step => Scalar(step, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
            Assert.True(Scalar((YamlMappingNode)checkout["with"], "persist-credentials") == "false", $"Job {id} checks out with the job token left in .git/config.");
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_action_is_pinned_to_a_commit_with_its_version_beside_it(string workflow)
    {
        var uses = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".github", "workflows", workflow))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("uses:", StringComparison.Ordinal) || line.StartsWith("- uses:", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, line => Assert.True(
            Regex.IsMatch(line, @"^(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$"),
            $"{workflow} has '{line}': an action not pinned to a commit with its version as a comment, which a moved tag could change."));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void A_job_in_an_environment_deploys_alone_restores_no_cache_and_with_attesting_jobs_is_the_only_kind_with_an_id_token(string workflow)
    {
        foreach (var (id, job) in Jobs(workflow))
        {
            var permissions = (YamlMappingNode)job["permissions"];
            if (!job.Children.TryGetValue("environment", out var environment))
            {
                Assert.True(
                    Scalar(permissions, "id-token") is null || (Scalar(permissions, "attestations") == "write" && Uses(job, "actions/attest-build-provenance")),
                    $"Job {id} asks for an id-token outside a deployment environment, and attests nothing.");
                continue;
            }

            var name = Scalar((YamlMappingNode)environment, "name");
            var concurrency = (YamlMappingNode)job["concurrency"];
            Assert.Equal($"deploy-{name}", Scalar(concurrency, "group"));
            Assert.Equal("false", Scalar(concurrency, "cancel-in-progress"));
            Assert.False(Uses(job, "actions/cache"), $"Job {id} deploys what a cache restored by any run may have filled.");
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void A_job_that_publishes_or_deploys_runs_in_an_environment(string workflow)
    {
        foreach (var (id, job) in Jobs(workflow))
        {
            var permissions = (YamlMappingNode)job["permissions"];
            var ships = ShippingScopes.Any(scope => Scalar(permissions, scope) == "write")
                || (Scalar(permissions, "id-token") == "write" && Scalar(permissions, "attestations") != "write")
                || Commands(job).Any(command => command.Target.StartsWith("Deploy", StringComparison.Ordinal) || command.Target is "Publish" or "Promote" or "Rollback");
            Assert.True(!ships || job.Children.ContainsKey("environment"), $"Job {id} publishes or deploys but runs in no environment, so no reviewer or deployment rule gates it.");
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Only_a_job_that_uploads_SARIF_may_write_security_events_and_only_one_that_attests_may_write_attestations(string workflow)
    {
        foreach (var (id, job) in Jobs(workflow))
        {
            var permissions = (YamlMappingNode)job["permissions"];
            Assert.True(Scalar(permissions, "security-events") != "write" || Uses(job, "github/codeql-action/upload-sarif"), $"Job {id} may write security events but uploads no SARIF.");
            Assert.True(Scalar(permissions, "attestations") != "write" || Uses(job, "actions/attest-build-provenance"), $"Job {id} may write attestations but attests nothing.");
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void A_job_that_signs_in_with_OIDC_is_handed_no_stored_secret(string workflow)
    {
        foreach (var (id, job) in Jobs(workflow).Where(job => Scalar((YamlMappingNode)job.Job["permissions"], "id-token") == "write"))
        {
            var secrets = Steps(job).Where(step => step.Children.ContainsKey("env"))
                .SelectMany(step => ((YamlMappingNode)step["env"]).Children)
                .Where(variable => ((YamlScalarNode)variable.Value).Value?.Contains("secrets.", StringComparison.Ordinal) == true)
                .Select(variable => ((YamlScalarNode)variable.Key).Value)
                .ToList();
            Assert.True(secrets.Count == 0, $"Job {id} signs in with its OIDC token but is also handed {string.Join(", ", secrets)}: a stored credential that reaches further than the environment's identity.");
        }
    }

    /// <summary>The targets of this repository's build, as the committed parameters schema lists them.</summary>
    private static HashSet<string> BuildTargets()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".nuke", "build.schema.json")));
        return schema.RootElement.GetProperty("properties").GetProperty("Target").GetProperty("items").GetProperty("enum")
            .EnumerateArray().Select(target => target.GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    private static TimeSpan HangTimeout()
    {
        using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".nuke", "parameters.json")));
        return parameters.RootElement.TryGetProperty("TestHangTimeout", out var configured)
            ? TimeSpan.Parse(configured.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : DefaultHangTimeout;
    }

    private static IEnumerable<(string Id, YamlMappingNode Job)> Jobs(string workflow)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".github", "workflows", workflow))));
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        return jobs.Children.Select(entry => (((YamlScalarNode)entry.Key).Value!, (YamlMappingNode)entry.Value));
    }

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>();

    private static bool Uses(YamlMappingNode job, string action) =>
        Steps(job).Any(step => Scalar(step, "uses")?.StartsWith(action + "@", StringComparison.Ordinal) == true);

    /// <summary>The ./build.sh commands of a job's run: steps: the target, and what follows --skip up to the next option.</summary>
    private static IEnumerable<(string Target, IReadOnlyList<string> Skipped)> Commands(YamlMappingNode job) =>
        Steps(job).Select(step => Scalar(step, "run")).OfType<string>()
            .Where(run => run.StartsWith("./build.sh ", StringComparison.Ordinal))
            .Select(run =>
            {
                var words = run.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var skip = Array.IndexOf(words, "--skip");
                var skipped = skip < 0 ? [] : words.Skip(skip + 1).TakeWhile(word => !word.StartsWith("--", StringComparison.Ordinal)).ToList();
                return (words[1], (IReadOnlyList<string>)skipped);
            });

    private static IEnumerable<string> Artifacts(YamlMappingNode job, string action) =>
        Steps(job).Where(step => Scalar(step, "uses")?.StartsWith(action + "@", StringComparison.Ordinal) == true)
            .Select(step => Scalar((YamlMappingNode)step["with"], "name")!);

    private static HashSet<string> UploadedPaths(YamlMappingNode job) =>
        Steps(job).Where(step => Scalar(step, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true)
            .SelectMany(step => Scalar((YamlMappingNode)step["with"], "path")!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The jobs a job waits for, directly or through others.</summary>
    private static HashSet<string> Upstream(string id, Dictionary<string, YamlMappingNode> jobs)
    {
        var upstream = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Needs(jobs[id]));
        while (pending.TryPop(out var need))
        {
            if (upstream.Add(need))
            {
                foreach (var next in Needs(jobs[need]))
                {
                    pending.Push(next);
                }
            }
        }

        return upstream;
    }

    private static IEnumerable<string> Needs(YamlMappingNode job) =>
        job.Children.TryGetValue("needs", out var needs) ? ((YamlSequenceNode)needs).Children.Select(need => ((YamlScalarNode)need).Value!) : [];

    /// <summary>An artifact name with ${{ matrix.os }} expanded to each image of the matrices of the upstream jobs.</summary>
    private static IEnumerable<string> Expand(string name, Dictionary<string, YamlMappingNode> jobs, IEnumerable<string> upstream)
    {
        const string os = "${{ matrix.os }}";
        if (!name.Contains(os, StringComparison.Ordinal))
        {
            return [name];
        }

        var images = upstream.Select(id => jobs[id])
            .Where(job => job.Children.ContainsKey("strategy"))
            .SelectMany(job => ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)job["strategy"])["matrix"])["os"]).Children.Select(image => ((YamlScalarNode)image).Value!));
        return images.Select(image => name.Replace(os, image, StringComparison.Ordinal));
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
