namespace Kiln.Tooling;

// The tasks are generated from DotNet, marked [TaskOverloads]: four overloads per method (Kiln.Tools.FluentApiGenerator).
/// <summary>
/// The dotnet CLI in NUKE's shape, for <c>using static Kiln.Tooling.DotNetTasks;</c>:
/// <c>DotNetBuild(s => s.SetProjectFile(Solution).SetConfiguration(Configuration).EnableNoRestore())</c>. Each task
/// runs the same code as its <see cref="DotNet"/> method (<c>DotNet.BuildAsync(new DotNetBuildSettings { ... })</c>):
/// output streamed with secrets masked, the command line in verbose output, a <see cref="ToolException"/> naming the
/// command on failure. The tasks without <c>Async</c> wait for the tool and return its output lines, for
/// <c>.Executes(() => ...)</c>; the overloads taking a <see cref="CombinatorialConfigure{T}"/> run each combination.
/// </summary>
public static partial class DotNetTasks;
