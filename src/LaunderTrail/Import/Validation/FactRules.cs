using FluentValidation;

namespace LaunderTrail.Import.Validation;

/// <summary>Rules of the interchange format that recur across fact types.</summary>
public static class FactRules
{
    /// <summary>The largest amount the interchange format allows: 10^15.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    private static readonly string[] Channels = ["bank", "alipay", "wechat", "cash", "other"];

    /// <summary>Amounts are greater than 0, at most 10^15, with at most 2 decimals.</summary>
    public static IRuleBuilderOptions<T, decimal> Amount<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.GreaterThan(0).WithMessage("must be greater than 0")
            .LessThanOrEqualTo(MaxAmount).WithMessage(AtMostMaxAmount)
            .Must(HasAtMostTwoDecimals).WithMessage("must have at most 2 decimals");

    public static IRuleBuilderOptions<T, decimal?> Amount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.GreaterThan(0).WithMessage("must be greater than 0")
            .LessThanOrEqualTo(MaxAmount).WithMessage(AtMostMaxAmount)
            .Must(v => v is null || HasAtMostTwoDecimals(v.Value)).WithMessage("must have at most 2 decimals");

    public const string AtMostMaxAmount = "must be at most 1,000,000,000,000,000 (10^15)";

    public static IRuleBuilderOptions<T, int> Count<T>(this IRuleBuilder<T, int> rule) =>
        rule.GreaterThan(0).WithMessage("must be a whole number greater than 0");

    /// <summary>
    /// Ids, case numbers, accounts, holders, lots, products: free, non-empty, case-sensitive strings of at most
    /// <see cref="Characters.MaxNameLength"/> characters that show what they hold (<see cref="Characters"/>).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Identifier<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || v.Trim().Length > 0).WithMessage("must not be empty")
            .Must(v => v is null || Characters.ProblemInName(v) is null)
            .WithMessage((_, v) => Characters.ProblemInName(v!));

    /// <summary>A short description on one line (a pretext, a retraction's reason): a name's characters, any length.</summary>
    public static IRuleBuilderOptions<T, string?> Label<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || v.Trim().Length > 0).WithMessage("must not be empty")
            .Must(v => v is null || Characters.ProblemInLabel(v) is null)
            .WithMessage((_, v) => Characters.ProblemInLabel(v!));

    /// <summary>Free text (note, source): may break lines and hold tabs (<see cref="Characters"/>).</summary>
    public static IRuleBuilderOptions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || Characters.ProblemInText(v) is null)
            .WithMessage((_, v) => Characters.ProblemInText(v!));

    public static IRuleBuilderOptions<T, string> Currency<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(v => v is null || IsIsoCode(v)).WithMessage("must be an ISO 4217 code such as CNY");

    /// <summary>Three capital letters A–Z, and nothing else (a pattern's <c>$</c> would also let a final line feed through).</summary>
    private static bool IsIsoCode(string value) => value is [>= 'A' and <= 'Z', >= 'A' and <= 'Z', >= 'A' and <= 'Z'];

    public static IRuleBuilderOptions<T, string?> Channel<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || Channels.Contains(v))
            .WithMessage("must be one of: " + string.Join(", ", Channels));

    private static bool HasAtMostTwoDecimals(decimal value) => decimal.Round(value, 2) == value;
}
