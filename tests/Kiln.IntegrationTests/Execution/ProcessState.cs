namespace Kiln.IntegrationTests.Execution;

/// <summary>Whether a process the build started is still alive, read from /proc.</summary>
internal static class ProcessState
{
    /// <summary>Whether the process is alive: neither gone nor a zombie waiting to be reaped.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Waits up to five seconds for the process to end: a killed process is reaped a moment later.</summary>
    public static async Task<bool> HasEndedAsync(int pid)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (!IsRunning(pid))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
