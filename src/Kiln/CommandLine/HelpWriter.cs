using Kiln.Definition;
using Kiln.Parameters;

namespace Kiln.CommandLine;

/// <summary>Writes <c>--help</c>: targets in run order with their direct dependencies and descriptions, then parameters, then Kiln's options.</summary>
internal static class HelpWriter
{
    public static IReadOnlyList<string> Write(
        TargetGraph graph,
        IReadOnlyList<string> defaultTargets,
        IReadOnlyList<ParameterDescriptor> parameters,
        IReadOnlyList<ParameterDescriptor> options)
    {
        var lines = new List<string> { "Usage: ./build.sh [targets] [--parameter value ...]", string.Empty, "Targets (* is the default; -> its direct dependencies):" };
        var listed = RunOrder(graph).Where(target => !target.Definition.IsUnlisted).ToList();
        var nameWidth = Widest(listed.Select(target => target.Name)) + 2;
        foreach (var target in listed)
        {
            var marker = defaultTargets.Contains(target.Name, StringComparer.OrdinalIgnoreCase) ? "*" : " ";
            var dependencies = target.Dependencies.Count > 0 ? "-> " + string.Join(", ", target.Dependencies.Select(dependency => dependency.Name)) : null;
            var text = string.Join("  ", new[] { target.Description, dependencies }.Where(part => !string.IsNullOrEmpty(part)));
            lines.Add($"  {(target.Name + " " + marker).PadRight(nameWidth)}  {text}".TrimEnd());
        }

        lines.Add(string.Empty);
        lines.Add("Parameters (command line, else environment variable, else .nuke/parameters.json):");
        lines.AddRange(parameters.Count == 0 ? ["  (none)"] : Describe(parameters));
        lines.Add(string.Empty);
        lines.Add("Options:");
        lines.AddRange(Describe(options));
        return lines;
    }

    /// <summary>The targets in the order a run of all of them would take (declaration order breaks ties); as declared when the graph has a cycle, which the run reports.</summary>
    private static IEnumerable<TargetNode> RunOrder(TargetGraph graph)
    {
        try
        {
            return Planning.Planner.Plan(graph, graph.Targets.Select(target => target.Name).ToList(), skip: null, applyConditions: false).Targets.Select(planned => planned.Node);
        }
        catch (KilnException)
        {
            return graph.Targets;
        }
    }

    private static IEnumerable<string> Describe(IReadOnlyList<ParameterDescriptor> parameters)
    {
        var signatures = parameters.Select(parameter => parameter.IsFlag ? parameter.CommandLineName : $"{parameter.CommandLineName} <{parameter.TypeName}>").ToList();
        var width = Widest(signatures);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            yield return $"  {signatures[i].PadRight(width)}  {parameter.Description}".TrimEnd();
            var facts = new List<string>();
            if (!parameter.IsFlag && parameter.DefaultText is { } value)
            {
                facts.Add($"default: {value}");
            }

            if (parameter.AllowedValues.Count > 0)
            {
                facts.Add($"allowed: {string.Join(", ", parameter.AllowedValues)}");
            }

            if (parameter.IsRequired)
            {
                facts.Add("required");
            }

            if (parameter.IsSecret)
            {
                facts.Add("secret (masked in output)");
            }

            facts.Add($"env: {parameter.EnvironmentName}");
            yield return $"  {string.Empty.PadRight(width)}  {string.Join("; ", facts)}";
        }
    }

    /// <summary>The length of the longest text, 0 for none; a loop, because Enumerable.Max over ints is compiled just in time on every start.</summary>
    private static int Widest(IEnumerable<string> texts)
    {
        var widest = 0;
        foreach (var text in texts)
        {
            widest = Math.Max(widest, text.Length);
        }

        return widest;
    }
}
