using Kiln.Versioning.Configuration;

namespace Kiln.Versioning.Calculation;

/// <summary>The field an increment raises, ordered from weakest to strongest.</summary>
internal enum VersionField
{
    None,
    Patch,
    Minor,
    Major,
}

/// <summary>Converts between a branch's increment setting and the field it raises.</summary>
internal static class VersionFields
{
    public static VersionField From(IncrementStrategy increment) => increment switch
    {
        IncrementStrategy.Major => VersionField.Major,
        IncrementStrategy.Minor => VersionField.Minor,
        IncrementStrategy.Patch => VersionField.Patch,
        _ => VersionField.None,
    };

    public static IncrementStrategy ToIncrement(VersionField field) => field switch
    {
        VersionField.Major => IncrementStrategy.Major,
        VersionField.Minor => IncrementStrategy.Minor,
        VersionField.Patch => IncrementStrategy.Patch,
        _ => IncrementStrategy.None,
    };

    public static VersionField Max(VersionField first, VersionField second) => first >= second ? first : second;
}
