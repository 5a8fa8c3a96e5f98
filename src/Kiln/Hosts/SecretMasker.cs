namespace Kiln.Hosts;

/// <summary>Replaces every known secret value, and the credentials inside it (<see cref="SecretParts"/>), with *** in text about to be printed.</summary>
internal sealed class SecretMasker
{
    public const string Mask = "***";

    private readonly object gate = new();
    private string[] secrets = [];

    public IReadOnlyList<string> Secrets => secrets;

    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        lock (gate)
        {
            // Longest first, so a secret that contains another is masked whole.
            secrets = secrets.Append(secret).Concat(SecretParts.Of(secret)).Distinct(StringComparer.Ordinal)
                .OrderByDescending(value => value.Length).ToArray();
        }
    }

    public string Apply(string text)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
