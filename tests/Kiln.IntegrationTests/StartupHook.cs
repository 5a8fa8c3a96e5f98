/// <summary>
/// Loaded into a sample build's process through DOTNET_STARTUP_HOOKS (the runtime looks for this name, outside any
/// namespace): when KILN_TEST_LOADED_ASSEMBLIES names a file, the build writes there the assemblies it loaded, one a line,
/// as it exits. Only the sample build (_build) writes, not a compiler that build.sh may start.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("KILN_TEST_LOADED_ASSEMBLIES") is not { Length: > 0 } file
            || System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name != "_build")
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(file, AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetName().Name ?? string.Empty));
    }
}
