namespace LaunderTrail.Evidence;

/// <summary>A fact that states amounts of money, all in <see cref="Currency"/>.</summary>
public interface IMoneyFact
{
    string Currency { get; }
}
