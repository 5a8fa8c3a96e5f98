using NuGet.Versioning;

namespace Kiln.Scanning.Dependencies;

/// <summary>One event of an OSV range: the version where vulnerability was introduced, fixed, or last seen.</summary>
internal sealed record RangeEvent(RangeEventKind Kind, NuGetVersion Version);
