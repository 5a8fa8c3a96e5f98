/// <summary>An enum parameter, so bad values can be shown to list the allowed ones.</summary>
public enum Flavor
{
    Vanilla,
    Chocolate,
}
