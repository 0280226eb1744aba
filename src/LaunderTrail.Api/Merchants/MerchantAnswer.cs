using LaunderTrail.Api.Cases;
using LaunderTrail.Flows;

namespace LaunderTrail.Api.Merchants;

/// <summary>The answer of <c>GET /merchants/{account}</c>: her totals over the readable cases, and the cases left out.</summary>
public sealed record MerchantAnswer(string Id, string Holder, IReadOnlyList<MerchantCaseRow> Rows, decimal FaceValue, decimal Price,
    int Resales, decimal DiscountRate, IReadOnlyList<UnavailableCase> Unavailable);
