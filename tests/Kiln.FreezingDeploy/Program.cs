using Kiln.Azure;
using Kiln.Azure.Releases;
using Kiln.FreezingDeploy;

// Usage: dotnet Kiln.FreezingDeploy.dll <container> <environment> <version> <folder> <uploaded|pointer>
// The connection string comes from KILN_TEST_CONNECTION_STRING (never the command line). The lease is the shortest
// Azure allows (15 s), so that a rerun after the kill waits little for it to expire.
if (args.Length != 5 || Environment.GetEnvironmentVariable("KILN_TEST_CONNECTION_STRING") is not { Length: > 0 } connectionString)
{
    await Console.Error.WriteLineAsync("usage: KILN_TEST_CONNECTION_STRING=... Kiln.FreezingDeploy <container> <environment> <version> <folder> <uploaded|pointer>");
    return 2;
}

var (container, environment, version, folder, point) = (args[0], args[1], args[2], args[3], args[4]);
var options = new BlobClientOptions();
options.AddPolicy(new FreezePoint(point, environment), Azure.Core.HttpPipelinePosition.PerCall);
var store = new ReleaseStore(
    new BlobServiceClient(connectionString, options).GetBlobContainerClient(container),
    "kiln",
    new ReleaseStoreOptions { LeaseDuration = TimeSpan.FromSeconds(15) });
await store.DeployAsync(new ReleaseBundle(version).AddDirectory("files", folder), environment);
await Console.Out.WriteLineAsync("finished without freezing");
return 1;
