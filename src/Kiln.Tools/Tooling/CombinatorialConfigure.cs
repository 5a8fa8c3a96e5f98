namespace Kiln.Tooling;

/// <summary>
/// Takes settings and returns several variations of them, one tool run each:
/// <c>DotNetTest(s => s.EnableNoBuild().CombineWith(projects, (s, p) => s.SetProjectFile(p)))</c>.
/// </summary>
/// <typeparam name="T">The settings type.</typeparam>
/// <param name="settings">The settings so far.</param>
public delegate IEnumerable<T> CombinatorialConfigure<T>(T settings);
