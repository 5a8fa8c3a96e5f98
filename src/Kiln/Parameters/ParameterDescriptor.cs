using System.Diagnostics.CodeAnalysis;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Kiln.Definition;
using Kiln.Injection;

namespace Kiln.Parameters;

/// <summary>A parameter member of a build (or of the engine's options) and everything needed to set and describe it.</summary>
internal sealed class ParameterDescriptor
{
    private readonly string? environmentVariable;

    private readonly Func<object?> get;
    private readonly Action<object?>? set;
    private readonly Func<MemberInfo?> member;
    private readonly Func<bool> isRequired;

    private ParameterDescriptor(object owner, MemberInfo member, ParameterAttribute attribute)
    {
        Owner = owner;
        this.member = () => member;
        isRequired = () => MemberAttributes.Find<RequiredAttribute>(member) is not null;
        Name = attribute.Name ?? member.Name;
        environmentVariable = attribute.EnvironmentVariable;
        Description = attribute.Description;
        IsSecret = MemberAttributes.Find<SecretAttribute>(member) is not null;
        Type = member switch
        {
            FieldInfo field => field.FieldType,
            PropertyInfo property => property.PropertyType,
            _ => throw new ArgumentException($"{member.Name} is neither a field nor a property.", nameof(member)),
        };
        get = member switch
        {
            FieldInfo field => () => field.GetValue(owner),
            _ => () => ((PropertyInfo)member).GetValue(owner),
        };

        // The value before any source is bound is the default --help shows.
        DefaultText = IsSecret ? null : Format(GetValue());
    }

    /// <summary>A member the source generator listed: read and set by generated code, found by reflection only when asked for.</summary>
    private ParameterDescriptor(object owner, GeneratedBuildMembers members, GeneratedParameter parameter)
    {
        Owner = owner;
        var found = new Lazy<MemberInfo?>(parameter.Member.Find);
        member = () => found.Value;
        isRequired = () => parameter.IsRequired;
        Name = parameter.Attribute.Name ?? parameter.Member.Name;
        environmentVariable = parameter.Attribute.EnvironmentVariable;
        Description = parameter.Attribute.Description;
        IsSecret = parameter.IsSecret;
        Type = parameter.Type;
        get = () => members.GetParameter(owner, parameter.Index);
        set = value =>
        {
            if (members.SetParameter(owner, parameter.Index, value))
            {
                return;
            }

            // A component's parameter without a setter has no storage of its own: its getter reads what was bound here.
            if (parameter.Member.DeclaringType.IsInterface)
            {
                ComponentParameters.Bind(owner, parameter.Member.DeclaringType, parameter.Member.Name, value);
            }
            else
            {
                SetByReflection(value);
            }
        };
        DefaultText = IsSecret ? null : Format(GetValue());
    }

    private ParameterDescriptor(object owner, string name, Type type, string description, Func<object?> get, Action<object?> set)
    {
        Owner = owner;
        member = static () => null;
        isRequired = static () => false;
        Name = name;
        Type = type;
        Description = description;
        IsEngineOption = true;
        this.get = get;
        this.set = set;
        DefaultText = Format(GetValue());
    }

    /// <summary>The initial value as text, captured before binding; null for secrets and unset values.</summary>
    public string? DefaultText { get; }

    public object Owner { get; }

    /// <summary>The build's field or property; null for Kiln's own options, which are described without reflection.</summary>
    public MemberInfo? Member => member();

    /// <summary>Whether the member is marked <see cref="RequiredAttribute"/>.</summary>
    public bool IsRequired => isRequired();

    public string Name { get; }

    public string? Description { get; }

    public bool IsSecret { get; }

    /// <summary>Kiln's own options (--skip, --plan, ...): read from KILN_-prefixed environment variables only.</summary>
    public bool IsEngineOption { get; }

    public Type Type { get; }

    /// <summary>The type values convert to: the element type of an array, the underlying type of a Nullable.</summary>
    public Type ValueType
    {
        get
        {
            var type = Type.IsArray ? Type.GetElementType()! : Type;
            return Nullable.GetUnderlyingType(type) ?? type;
        }
    }

    public bool IsArray => Type.IsArray;

    public bool IsFlag => ValueType == typeof(bool) && !IsArray;

    public string CommandLineName => "--" + ParameterNames.ToKebabCase(Name);

    public string EnvironmentName => environmentVariable ?? (IsEngineOption ? "KILN_" : string.Empty) + ParameterNames.ToEnvironmentName(Name);

    /// <summary>The values a user may give, when the type has a closed set (enums, converters with standard values).</summary>
    public IReadOnlyList<string> AllowedValues
    {
        get
        {
            if (ValueType.IsEnum)
            {
                return Enum.GetNames(ValueType);
            }

            // Strings, numbers and flags have no closed set; asking TypeDescriptor would load it for nothing.
            if (Type.GetTypeCode(ValueType) != TypeCode.Object)
            {
                return [];
            }

            if (ConverterOf(ValueType) is { } converter && converter.GetStandardValuesSupported() && converter.GetStandardValues() is { } values)
            {
                return values.Cast<object>().Select(value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).ToList();
            }

            return [];
        }
    }

    /// <summary>
    /// The converter TypeDescriptor would give, null for the framework's types whose converters have no standard values.
    /// TypeDescriptor first builds its tables of providers and of the framework's converters (loading System.Private.Uri
    /// among others); a type that names its converter (an Enumeration's) and those framework types need none of it.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = ParameterValueConverter.ConverterJustification)]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = ParameterValueConverter.ConverterJustification)]
    private static TypeConverter? ConverterOf(Type type)
    {
        if (type == typeof(TimeSpan) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly)
            || type == typeof(TimeOnly) || type == typeof(Guid) || type == typeof(Version))
        {
            return null;
        }

        // As TypeDescriptor makes a converter: with the type when the converter takes one.
        if (!type.IsDefined(typeof(TypeDescriptionProviderAttribute), inherit: true)
            && type.GetCustomAttribute<TypeConverterAttribute>() is { } attribute
            && Type.GetType(attribute.ConverterTypeName) is { } converterType && typeof(TypeConverter).IsAssignableFrom(converterType))
        {
            return (TypeConverter?)(converterType.GetConstructor([typeof(Type)]) is { } typed ? typed.Invoke([type]) : Activator.CreateInstance(converterType));
        }

        return TypeDescriptor.GetConverter(type);
    }

    /// <summary>The type as --help shows it: string, bool, Configuration, string[].</summary>
    public string TypeName
    {
        get
        {
            var name = ValueType switch
            {
                var type when type == typeof(string) => "string",
                var type when type == typeof(bool) => "bool",
                var type when type == typeof(int) => "int",
                var type when type == typeof(long) => "long",
                var type when type == typeof(double) => "double",
                var type => type.Name,
            };
            return IsArray ? name + "[]" : name;
        }
    }

    /// <summary>
    /// The build's parameters: its own fields and properties (base classes first, fields before properties, each as
    /// declared), then those of its components in the order of <see cref="ComponentMembers.OrderedInterfaces"/>.
    /// </summary>
    public static IEnumerable<ParameterDescriptor> FindIn(object owner) =>
        GeneratedBuildMembers.For(owner.GetType()) is { } generated ? FromGenerated(owner, generated) : FindByReflection(owner);

    private static List<ParameterDescriptor> FromGenerated(object owner, GeneratedBuildMembers members) =>
        [.. GeneratedMember.ClassThenInterfaces(members.Parameters, parameter => parameter.Member, ComponentMembers.OrderedInterfaces(owner.GetType()))
            .Select(parameter => new ParameterDescriptor(owner, members, parameter))];

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = BuildClassReflection.Justification)]
    private static IEnumerable<ParameterDescriptor> FindByReflection(object owner)
    {
        const BindingFlags members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var hierarchy = new List<Type>();
        for (var type = owner.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            hierarchy.Insert(0, type);
        }

        foreach (var type in hierarchy)
        {
            foreach (var member in type.GetMembers(members).Where(member => member is FieldInfo or PropertyInfo).OrderBy(member => member.MetadataToken))
            {
                if (MemberAttributes.Find<ParameterAttribute>(member) is { } attribute)
                {
                    yield return new ParameterDescriptor(owner, member, attribute);
                }
            }
        }

        foreach (var property in ComponentProperties(owner.GetType()))
        {
            yield return new ParameterDescriptor(owner, property, property.GetCustomAttribute<ParameterAttribute>(inherit: false)!);
        }
    }

    /// <summary>
    /// The parameters components declare (interface properties marked [Parameter]) that the build did not implement
    /// itself: a build that implements one decides the value, with a [Parameter] of its own or without one.
    /// </summary>
    private static IEnumerable<PropertyInfo> ComponentProperties(Type buildType) =>
        ComponentMembers.Inherited(buildType).Where(property => MemberAttributes.Find<ParameterAttribute>(property) is not null);

    /// <summary>The current value as text (arrays comma-separated); a secret's too, so handle it as one.</summary>
    public string? ValueText => Format(GetValue());

    /// <summary>
    /// One of Kiln's own options: named, typed and reached through delegates, so that the first step of every start
    /// reads no custom attributes and compiles no reflection invoke stubs.
    /// </summary>
    public static ParameterDescriptor Option(object owner, string name, Type type, string description, Func<object?> get, Action<object?> set) =>
        new(owner, name, type, description, get, set);

    public object? GetValue() => get();

    public void SetValue(object? value)
    {
        if (set is not null)
        {
            set(value);
        }
        else
        {
            SetByReflection(value);
        }
    }

    private void SetByReflection(object? value)
    {
        if (Member is PropertyInfo { SetMethod: null, DeclaringType.IsInterface: true } property)
        {
            // A component's parameter has no storage of its own: its getter reads what was bound here.
            ComponentParameters.Bind(Owner, property.DeclaringType!, property.Name, value);
        }
        else if (!MemberValue.TrySet(Member!, Owner, value))
        {
            throw new KilnException($"Parameter '{Name}' is a property without a setter: give it a setter or make it a field.");
        }
    }

    private static string? Format(object? value) =>
        value switch
        {
            null => null,
            string text => text.Length == 0 ? null : text,
            bool flag => flag ? "true" : "false",
            System.Collections.IEnumerable items => FormatItems(items),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

    private static string? FormatItems(System.Collections.IEnumerable items)
    {
        var texts = items.Cast<object?>().Select(item => Convert.ToString(item, CultureInfo.InvariantCulture)).ToList();
        return texts.Count == 0 ? null : string.Join(' ', texts);
    }
}
