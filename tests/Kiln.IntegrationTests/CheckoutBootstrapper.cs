namespace Kiln.IntegrationTests;

/// <summary>This checkout's build.sh and global.json, copied into a sample repository, which then compiles and runs its build as a user's would.</summary>
internal static class CheckoutBootstrapper
{
    public static void CopyTo(string root)
    {
        var checkout = RepositoryRoot.Path;
        File.Copy(Path.Combine(checkout, "build.sh"), Path.Combine(root, "build.sh"));
        File.Copy(Path.Combine(checkout, "global.json"), Path.Combine(root, "global.json"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(root, "build.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
