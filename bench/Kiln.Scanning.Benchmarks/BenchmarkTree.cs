using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kiln.Scanning.Benchmarks;

/// <summary>
/// A git repository of 20,000 generated text files, about 100 MB in all: C#, JSON and Markdown shaped text full of the
/// scanner's keywords (token, password, secret, key, ==), GUIDs, hex hashes and base64 data, and one planted fake GitHub
/// token in every 1,000th file. Made once into $TMPDIR and reused.
/// </summary>
internal static class BenchmarkTree
{
    public const int Files = 20_000;
    public const int TargetBytes = 100 * 1024 * 1024;
    public const int PlantedEvery = 1_000;

    /// <summary>Bump when the generator changes, so an old tree is not reused.</summary>
    private const int GeneratorVersion = 1;

    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static int Planted => Files / PlantedEvery;

    public static async Task<string> GetOrCreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kiln-scanning-bench-v{GeneratorVersion}");
        var done = Path.Combine(folder, ".git", "kiln-bench-complete");
        if (File.Exists(done))
        {
            return folder;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine($"generating {Files} files into {folder} (once)...");
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var random = new Random(20_000);
        var perFile = TargetBytes / Files;
        for (var index = 0; index < Files; index++)
        {
            var directory = Path.Combine(folder, $"module{index / 500:000}", $"part{index / 50 % 10}");
            Directory.CreateDirectory(directory);
            var (extension, content) = (index % 3) switch
            {
                0 => (".cs", CSharp(random, perFile)),
                1 => (".json", Json(random, perFile)),
                _ => (".md", Markdown(random, perFile)),
            };
            if (index % PlantedEvery == 0)
            {
                content += $"\nvar fallback = \"ghp_{Random(random, Alphanumerics, 36)}\";\n";
            }

            await File.WriteAllTextAsync(Path.Combine(directory, $"file{index:00000}{extension}"), content);
        }

        await GitAsync(folder, "init", "-q", "-b", "main");
        await GitAsync(folder, "add", "-A");
        await GitAsync(folder, "commit", "-q", "-m", "Generated tree");
        await File.WriteAllTextAsync(done, "");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated in {clock.Elapsed.TotalSeconds:0.0} s"));
        return folder;
    }

    private static string CSharp(Random random, int size)
    {
        var text = new StringBuilder("namespace Generated;\n\ninternal sealed class Sample\n{\n");
        while (text.Length < size)
        {
            text.Append(random.Next(6) switch
            {
                0 => $"    private readonly string token = options.Token; // {Guid.NewGuid()}\n",
                1 => $"    if (left == right && cancellationToken.IsCancellationRequested) {{ return \"{Random(random, "0123456789abcdef", 40)}\"; }}\n",
                2 => $"    var password = Environment.GetEnvironmentVariable(\"PASSWORD\") ?? string.Empty;\n",
                3 => $"    private const string Data = \"{Convert.ToBase64String(Bytes(random, 48))}\";\n",
                4 => "    public string SecretName { get; init; } = \"kv-build-secret\";\n",
                _ => $"    public int Compute{random.Next(1000)}(int value) => value * {random.Next(100)} + {random.Next(100)};\n",
            });
        }

        return text.Append("}\n").ToString();
    }

    private static string Json(Random random, int size)
    {
        var text = new StringBuilder("{\n  \"version\": 2,\n  \"libraries\": {\n");
        while (text.Length < size)
        {
            text.Append(CultureInfo.InvariantCulture, $"    \"Package.{random.Next(100_000)}/1.{random.Next(20)}.0\": {{ \"sha512\": \"{Convert.ToBase64String(Bytes(random, 64))}\", \"integrity\": \"sha512-{Convert.ToBase64String(Bytes(random, 64))}\", \"id\": \"{Guid.NewGuid()}\", \"keyHash\": \"{Random(random, "0123456789abcdef", 64)}\" }},\n");
        }

        return text.Append("    \"end\": {}\n  }\n}\n").ToString();
    }

    private static string Markdown(Random random, int size)
    {
        var text = new StringBuilder("# Notes\n\n");
        while (text.Length < size)
        {
            text.Append(random.Next(4) switch
            {
                0 => "Set the token with `export GITHUB_TOKEN=<your-token>` and the password in `${{ secrets.PASSWORD }}`.\n",
                1 => $"Commit {Random(random, "0123456789abcdef", 40)} changed the api_key handling; see {Guid.NewGuid()}.\n",
                2 => "The quick brown fox jumps over the lazy dog while the build keeps its secrets out of the logs.\n",
                _ => $"    AccountKey=<key> ; sig=*** ; password: changeme ; value {random.Next()}\n",
            });
        }

        return text.ToString();
    }

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Random(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    private static async Task GitAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Bench";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "bench@example.org";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {folder}: {await error}");
        }
    }
}
