namespace LaunderTrail.Evidence;

public static class Currencies
{
    /// <summary>Amounts without a currency are in Chinese yuan, as the interchange format says.</summary>
    public const string Default = "CNY";
}
