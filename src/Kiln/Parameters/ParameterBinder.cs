using Kiln.CommandLine;
using Kiln.Hosts;
using Kiln.Planning;

namespace Kiln.Parameters;

/// <summary>
/// Sets parameters from their sources, highest precedence first: the command line, environment
/// variables (exact name, then ignoring case and underscores), the profile files (the last --profile
/// wins), then .nuke/parameters.json. A parameter no source names keeps its initial value.
/// </summary>
internal sealed class ParameterBinder(IReadOnlyList<ParameterDescriptor> parameters)
{
    public void Bind(
        CommandLineArguments commandLine,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<ParametersFile> files,
        SecretMasker masker)
    {
        RejectUnknownOptions(commandLine);
        RejectUnknownKeys(files);

        foreach (var parameter in parameters)
        {
            var value = Resolve(parameter, commandLine, environment, files, out var found);
            if (found)
            {
                parameter.SetValue(value);
            }

            if (parameter.IsSecret)
            {
                foreach (var secret in SecretValues(parameter.GetValue()))
                {
                    masker.Add(secret);
                }
            }
        }
    }

    /// <summary>Binds only from the command line and environment, ignoring names it does not know (the build's own parameters).</summary>
    public void BindKnown(CommandLineArguments commandLine, IReadOnlyDictionary<string, string> environment)
    {
        foreach (var parameter in parameters)
        {
            var value = Resolve(parameter, commandLine, environment, [], out var found);
            if (found)
            {
                parameter.SetValue(value);
            }
        }
    }

    public ParameterDescriptor? FindByMember(System.Reflection.MemberInfo? member) =>
        member is null ? null : parameters.FirstOrDefault(parameter => parameter.Member?.HasSameMetadataDefinitionAs(member) == true);

    public ParameterDescriptor? Find(string name)
    {
        var normalized = ParameterNames.Normalize(name);
        return parameters.FirstOrDefault(parameter => ParameterNames.Normalize(parameter.Name) == normalized);
    }

    private static object? Resolve(
        ParameterDescriptor parameter,
        CommandLineArguments commandLine,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<ParametersFile> files,
        out bool found)
    {
        found = true;
        var normalized = ParameterNames.Normalize(parameter.Name);
        if (commandLine.Options.TryGetValue(normalized, out var option))
        {
            return ParameterValueConverter.Convert(parameter, option.Values, option.Spelling);
        }

        if (FindEnvironmentVariable(parameter, environment) is { } variable)
        {
            var values = parameter.IsArray
                ? variable.Value.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [variable.Value];
            return ParameterValueConverter.Convert(parameter, values, $"environment variable {variable.Key}");
        }

        // Profile files are applied on top of parameters.json: the last file naming the parameter wins.
        foreach (var file in files.Reverse())
        {
            var entry = file.Entries.FirstOrDefault(candidate => ParameterNames.Normalize(candidate.Key) == normalized);
            if (entry is not null)
            {
                return ParameterValueConverter.Convert(parameter, entry.Values, $"{file.DisplayPath}({entry.Line}) '{entry.Key}'");
            }
        }

        found = false;
        return null;
    }

    private static KeyValuePair<string, string>? FindEnvironmentVariable(ParameterDescriptor parameter, IReadOnlyDictionary<string, string> environment)
    {
        if (parameter.IsEngineOption)
        {
            // Kiln's own options only answer to KILN_ names, so a stray PROFILE or TARGET variable changes nothing.
            return environment.TryGetValue(parameter.EnvironmentName, out var option) && option.Length > 0 ? new(parameter.EnvironmentName, option) : null;
        }

        // An empty variable counts as unset: CI systems pass empty values for inputs a run did not get.
        if (parameter.EnvironmentName != ParameterNames.ToEnvironmentName(parameter.Name)
            && environment.TryGetValue(parameter.EnvironmentName, out var named) && named.Length > 0)
        {
            return new(parameter.EnvironmentName, named);
        }

        if (environment.TryGetValue(parameter.Name, out var exact) && exact.Length > 0)
        {
            return new(parameter.Name, exact);
        }

        var normalized = ParameterNames.Normalize(parameter.Name);
        var match = environment.Keys
            .Where(key => ParameterNames.Normalize(key) == normalized && environment[key].Length > 0)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        return match is null ? null : new(match, environment[match]);
    }

    /// <summary>NUKE's options that Kiln does without, by normalized name, with what a NUKE user does instead.</summary>
    private static readonly Dictionary<string, string> NukeOptions = new(StringComparer.Ordinal)
    {
        ["host"] = "Kiln has no --host (NUKE's): it runs as GitHub Actions when GITHUB_ACTIONS=true and on the console otherwise.",
    };

    private void RejectUnknownOptions(CommandLineArguments commandLine)
    {
        foreach (var option in commandLine.Options.Values)
        {
            if (Find(option.Name) is null)
            {
                if (NukeOptions.TryGetValue(ParameterNames.Normalize(option.Name), out var instead))
                {
                    throw new KilnException($"Unknown parameter '{option.Spelling}'. {instead}");
                }

                var suggestion = NameSuggestions.DidYouMean(option.Name, parameters.Select(parameter => parameter.Name), name => "--" + ParameterNames.ToKebabCase(name));
                throw new KilnException($"Unknown parameter '{option.Spelling}'.{suggestion} Run with --help to list the parameters.");
            }
        }
    }

    private void RejectUnknownKeys(IReadOnlyList<ParametersFile> files)
    {
        foreach (var file in files)
        {
            foreach (var entry in file.Entries)
            {
                if (Find(entry.Key) is null)
                {
                    var suggestion = NameSuggestions.DidYouMean(entry.Key, parameters.Select(parameter => parameter.Name));
                    throw new KilnException($"{file.DisplayPath}({entry.Line}): unknown parameter '{entry.Key}'.{suggestion} Fix the key or delete the entry.");
                }
            }
        }
    }

    private static IEnumerable<string> SecretValues(object? value) => value switch
    {
        null => [],
        string text => [text],
        System.Collections.IEnumerable items => items.Cast<object?>().Select(item => item?.ToString()).OfType<string>(),
        _ => [value.ToString() ?? string.Empty],
    };
}
