namespace Kiln.Tooling;

/// <summary>Settings of <c>dotnet restore</c>.</summary>
[FluentSetters]
public sealed record DotNetRestoreSettings : DotNetSettings
{
    /// <summary>Restores with the lock files as they are (fails when they would change).</summary>
    public bool LockedMode { get; init; }

    /// <summary>Package sources to restore from instead of those in NuGet.Config.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <inheritdoc/>
    protected override string Verb => "restore";

    /// <inheritdoc/>
    protected override void AddArguments(List<string> arguments)
    {
        AddFlag(arguments, "--locked-mode", LockedMode);
        foreach (var source in Sources)
        {
            AddOption(arguments, "--source", source);
        }
    }
}
