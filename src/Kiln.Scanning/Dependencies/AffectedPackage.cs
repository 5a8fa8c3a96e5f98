using NuGet.Versioning;

namespace Kiln.Scanning.Dependencies;

/// <summary>
/// One NuGet package an advisory affects: its ECOSYSTEM ranges (events introduced / fixed / last_affected, compared
/// with NuGet version semantics) and its explicit list of affected versions.
/// </summary>
/// <param name="PackageName">The package id.</param>
/// <param name="Ranges">Each range as its events, in the order the advisory lists them.</param>
/// <param name="Versions">Versions listed as affected one by one.</param>
internal sealed record AffectedPackage(string PackageName, IReadOnlyList<IReadOnlyList<RangeEvent>> Ranges, IReadOnlyList<NuGetVersion> Versions)
{
    /// <summary>Whether the version is affected, and what fixes it; null when it is not affected.</summary>
    public AdvisoryMatch? Match(NuGetVersion version)
    {
        foreach (var events in Ranges)
        {
            // OSV: introduced opens an affected interval; fixed closes it before that version, last_affected after it.
            NuGetVersion? introduced = null;
            foreach (var rangeEvent in events)
            {
                switch (rangeEvent.Kind)
                {
                    case RangeEventKind.Introduced:
                        introduced = rangeEvent.Version;
                        break;
                    case RangeEventKind.Fixed when introduced is not null:
                        if (version >= introduced && version < rangeEvent.Version)
                        {
                            return new AdvisoryMatch(rangeEvent.Version.ToNormalizedString());
                        }

                        introduced = null;
                        break;
                    case RangeEventKind.LastAffected when introduced is not null:
                        if (version >= introduced && version <= rangeEvent.Version)
                        {
                            return new AdvisoryMatch(null);
                        }

                        introduced = null;
                        break;
                }
            }

            if (introduced is not null && version >= introduced)
            {
                return new AdvisoryMatch(null);
            }
        }

        return Versions.Contains(version) ? new AdvisoryMatch(FixedAbove(version)) : null;
    }

    /// <summary>The lowest fixed version above the version in any range, for a version matched by the explicit list.</summary>
    private string? FixedAbove(NuGetVersion version) =>
        Ranges.SelectMany(events => events)
            .Where(rangeEvent => rangeEvent.Kind == RangeEventKind.Fixed && rangeEvent.Version > version)
            .Select(rangeEvent => rangeEvent.Version)
            .Order()
            .FirstOrDefault()?.ToNormalizedString();
}
