using FluentValidation;

namespace LaunderTrail.Import.Validation;

/// <summary>Rules of the interchange format that recur across fact types.</summary>
public static class FactRules
{
    private static readonly string[] Channels = ["bank", "alipay", "wechat", "cash", "other"];

    /// <summary>Amounts are greater than 0 with at most 2 decimals.</summary>
    public static IRuleBuilderOptions<T, decimal> Amount<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.GreaterThan(0).WithMessage("must be greater than 0")
            .Must(HasAtMostTwoDecimals).WithMessage("must have at most 2 decimals");

    public static IRuleBuilderOptions<T, decimal?> Amount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.GreaterThan(0).WithMessage("must be greater than 0")
            .Must(v => v is null || HasAtMostTwoDecimals(v.Value)).WithMessage("must have at most 2 decimals");

    public static IRuleBuilderOptions<T, int> Count<T>(this IRuleBuilder<T, int> rule) =>
        rule.GreaterThan(0).WithMessage("must be a whole number greater than 0");

    /// <summary>Account and lot identifiers are free, non-empty, case-sensitive strings.</summary>
    public static IRuleBuilderOptions<T, string?> Identifier<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || v.Trim().Length > 0).WithMessage("must not be empty");

    public static IRuleBuilderOptions<T, string> Currency<T>(this IRuleBuilder<T, string> rule) =>
        rule.Matches("^[A-Z]{3}$").WithMessage("must be an ISO 4217 code such as CNY");

    public static IRuleBuilderOptions<T, string?> Channel<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || Channels.Contains(v))
            .WithMessage("must be one of: " + string.Join(", ", Channels));

    private static bool HasAtMostTwoDecimals(decimal value) => decimal.Round(value, 2) == value;
}
