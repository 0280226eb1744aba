namespace LaunderTrail.Generation;

/// <summary>A kind of prepaid value the gang launders through, with the rate its card merchants pay.</summary>
internal sealed record PrepaidProduct(string Name, int MerchantRatePercent, IReadOnlyList<string> Merchants)
{
    /// <summary>Two Suning-card merchants bought at 97% of face value (九七折).</summary>
    public static readonly PrepaidProduct SuningCard = new("Suning card", 97, Cast.SuningMerchants);

    /// <summary>Two Q-coin merchants bought at 86% of face value (八六折).</summary>
    public static readonly PrepaidProduct QCoin = new("Q coin", 86, Cast.QCoinMerchants);

    /// <summary>Face values are whole hundreds, so face × rate is exact to the yuan.</summary>
    public long MerchantPrice(long faceValue) => faceValue * MerchantRatePercent / 100;
}
