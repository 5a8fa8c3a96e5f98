using System.Diagnostics.CodeAnalysis;
using System.ComponentModel;
using System.Globalization;
using Kiln.Planning;

namespace Kiln.Parameters;

/// <summary>Converts the text a user gave into the parameter's type, with an error that lists what would have worked.</summary>
internal static class ParameterValueConverter
{
    /// <summary>Why asking TypeDescriptor for a parameter type's converter is safe to trim around.</summary>
    public const string ConverterJustification =
        "A parameter's type is the type of a member of a build class, kept with it (KilnBuild.Execute<T>); TypeDescriptor makes the converter a type names in its TypeConverterAttribute, whose constructors the trimmer keeps, or one of the framework's, which it knows itself.";

    /// <param name="parameter">The parameter being set.</param>
    /// <param name="values">The texts given; empty for a bare flag.</param>
    /// <param name="source">Where the values came from, for the error ("--configuration", "environment variable X", "file:line").</param>
    public static object? Convert(ParameterDescriptor parameter, IReadOnlyList<string> values, string source)
    {
        if (parameter.IsArray)
        {
            var array = Array.CreateInstanceFromArrayType(parameter.Type, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                array.SetValue(ConvertOne(parameter, values[i], source), i);
            }

            return array;
        }

        if (values.Count == 0)
        {
            return parameter.IsFlag
                ? true
                : throw new KilnException($"{source} needs a value: pass {parameter.CommandLineName} <{parameter.TypeName}>.");
        }

        if (values.Count > 1)
        {
            throw new KilnException($"{source} takes one value, but got {values.Count} ({string.Join(' ', values)}): quote the value if it contains spaces.");
        }

        return ConvertOne(parameter, values[0], source);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = ConverterJustification)]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = ConverterJustification)]
    private static object? ConvertOne(ParameterDescriptor parameter, string text, string source)
    {
        var type = parameter.ValueType;
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(bool))
        {
            return text.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => throw Invalid(parameter, text, source, "expected true or false"),
            };
        }

        if (type.IsEnum)
        {
            // Names only: a number would silently select whatever member has that value.
            var name = Enum.GetNames(type).FirstOrDefault(candidate => string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase));
            return name is not null
                ? Enum.Parse(type, name)
                : throw Invalid(parameter, text, source, $"expected one of {string.Join(", ", Enum.GetNames(type))}");
        }

        var converter = TypeDescriptor.GetConverter(type);
        if (!converter.CanConvertFrom(typeof(string)))
        {
            throw new KilnException($"Parameter '{parameter.Name}' has type {type.Name}, which cannot be converted from text: give the type a TypeConverter or use string.");
        }

        try
        {
            return converter.ConvertFromString(null, CultureInfo.InvariantCulture, text);
        }
        catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException or OverflowException
            || exception.InnerException is FormatException or OverflowException)
        {
            var allowed = parameter.AllowedValues;
            throw Invalid(parameter, text, source, allowed.Count > 0 ? $"expected one of {string.Join(", ", allowed)}" : $"expected a value of type {parameter.TypeName}");
        }
    }

    private static KilnException Invalid(ParameterDescriptor parameter, string text, string source, string expectation)
    {
        var shown = parameter.IsSecret ? "***" : text;
        var suggestion = NameSuggestions.DidYouMean(text, parameter.AllowedValues);
        return new KilnException($"Invalid value '{shown}' for {source}: {expectation}.{suggestion}");
    }
}
