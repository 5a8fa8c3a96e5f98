namespace Kiln.Publishing;

/// <summary>What publishing did with one package.</summary>
public enum PublishOutcome
{
    /// <summary>The package was pushed: the source did not have that version.</summary>
    Published,

    /// <summary>The source had that version already (with the same content, where that can be checked): nothing was pushed.</summary>
    AlreadyPublished,
}
