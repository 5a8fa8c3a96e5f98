namespace Kiln.Publishing;

/// <summary>One package and what publishing did with it.</summary>
/// <param name="Package">The package.</param>
/// <param name="Outcome">Pushed, or there already.</param>
public sealed record PublishResult(PackageIdentity Package, PublishOutcome Outcome)
{
    /// <summary>"2 published, 1 already published": the note a Publish target shows in the summary table.</summary>
    public static string Summarize(IEnumerable<PublishResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        return $"{list.Count(result => result.Outcome == PublishOutcome.Published)} published, {list.Count(result => result.Outcome == PublishOutcome.AlreadyPublished)} already published";
    }
}
