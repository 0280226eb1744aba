using LaunderTrail.Evidence;
using Spectre.Console;

namespace LaunderTrail.Cli;

/// <summary>Reads --as-of / --known-at: ISO-8601 times with their offset, as in the evidence.</summary>
public static class TimeOption
{
    public static ValidationResult Check(string? value, string option) =>
        value is null || InstantWithOffsetConverter.Parse(value) is not null
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option} must be an ISO-8601 time with an offset, e.g. 2019-05-01T00:00:00+08:00");

    public static DateTimeOffset? Parse(string? value) => value is null ? null : InstantWithOffsetConverter.Parse(value);
}
