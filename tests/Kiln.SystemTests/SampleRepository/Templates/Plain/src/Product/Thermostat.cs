namespace Product;

/// <summary>The repository's code under test.</summary>
public sealed class Thermostat(int target)
{
    public bool Heats(int temperature) => temperature < target;

    public int Target => target;
}
