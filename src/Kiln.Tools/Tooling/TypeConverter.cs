using System.Collections;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;

namespace Kiln.Tooling;

/// <summary>
/// Converts text to an <see cref="Enumeration"/> type's value, as NUKE's <c>TypeConverter&lt;T&gt;</c>: the value is the
/// type's public static member whose <see cref="Enumeration.Value"/> matches, ignoring case. Those members are the
/// standard values, so <c>--help</c>, the parameters schema and a mistyped value's message list them.
/// </summary>
/// <typeparam name="T">The enumeration type, which names this converter in its <see cref="TypeConverterAttribute"/>.</typeparam>
public sealed class TypeConverter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] T> : TypeConverter
    where T : Enumeration
{
    /// <inheritdoc/>
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">No member of <typeparamref name="T"/> has the text.</exception>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text)
        {
            return base.ConvertFrom(context, culture, value);
        }

        return Members().FirstOrDefault(member => string.Equals(member.Value, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{text}' is not a {typeof(T).Name}: expected one of {string.Join(", ", Members().Select(member => member.Value))}.", nameof(value));
    }

    /// <inheritdoc/>
    public override bool GetStandardValuesSupported(ITypeDescriptorContext? context) => true;

    /// <inheritdoc/>
    public override bool GetStandardValuesExclusive(ITypeDescriptorContext? context) => true;

    /// <inheritdoc/>
    public override StandardValuesCollection GetStandardValues(ITypeDescriptorContext? context) => new((ICollection)Members().ToList());

    // Fields (NUKE's generated Configuration.cs) and get-only properties alike.
    private static IEnumerable<T> Members()
    {
        const BindingFlags statics = BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        return typeof(T).GetFields(statics).Where(field => typeof(T).IsAssignableFrom(field.FieldType)).Select(field => field.GetValue(null))
            .Concat(typeof(T).GetProperties(statics).Where(property => typeof(T).IsAssignableFrom(property.PropertyType) && property.GetIndexParameters().Length == 0).Select(property => property.GetValue(null)))
            .OfType<T>()
            .Distinct();
    }
}
