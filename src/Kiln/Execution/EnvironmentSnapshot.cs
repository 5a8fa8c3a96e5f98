using System.Collections;

namespace Kiln.Execution;

/// <summary>The process environment as a dictionary; tests substitute their own.</summary>
internal static class EnvironmentSnapshot
{
    private static readonly AsyncLocal<IReadOnlyDictionary<string, string>?> Override = new();

    public static IReadOnlyDictionary<string, string> Current
    {
        get => Override.Value ?? Read();
        set => Override.Value = value;
    }

    public static Dictionary<string, string> Read()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return variables;
    }
}
