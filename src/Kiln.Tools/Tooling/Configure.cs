namespace Kiln.Tooling;

/// <summary>Takes settings and returns them changed, as NUKE's tasks take them: <c>DotNetBuild(s => s.EnableNoRestore())</c>.</summary>
/// <typeparam name="T">The settings type.</typeparam>
/// <param name="settings">The settings so far.</param>
public delegate T Configure<T>(T settings);
