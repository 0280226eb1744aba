using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// The checks shared by the endpoints' query parameters, and the one answer to a bad parameter: 400 problem details
/// naming the first parameter refused and why (<c>parameter</c>), with every refusal under <c>errors</c>.
/// </summary>
internal static class QueryParameters
{
    public const string TimeHint = "must be an ISO-8601 time with an offset, e.g. 2019-05-15T00:00:00+08:00";

    /// <summary>The longest wait for the read models a request may ask for: longer waits belong to a client that polls.</summary>
    public const int MaxWaitSeconds = 300;

    /// <summary>What an endpoint's <c>Validate</c> returns: the request's bad parameters as a 400, or no problem.</summary>
    public static ProblemDetails Check<T>(IValidator<T> validator, T request)
    {
        var result = validator.Validate(request);
        return result.IsValid ? WolverineContinue.NoProblems : Problem(result.Errors);
    }

    private static ProblemDetails Problem(IReadOnlyList<ValidationFailure> failures)
    {
        var first = failures[0];
        return new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid query parameter",
            Detail = $"{first.PropertyName} {first.ErrorMessage}",
            Extensions =
            {
                ["parameter"] = first.PropertyName,
                ["errors"] = failures.GroupBy(f => f.PropertyName, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray(), StringComparer.Ordinal),
            },
        };
    }

    /// <returns>The rule named, or null when none is or the name is not a rule's.</returns>
    public static TracingRule? RuleOf(string? rule) => rule is not null && TracingRules.TryParse(rule, out var parsed) ? parsed : null;

    public static DateTimeOffset? MomentOf(string? text) => text is null ? null : InstantWithOffsetConverter.Parse(text);

    /// <returns>The wait asked for, or null when none is or it is not a whole number of seconds within bounds.</returns>
    public static TimeSpan? WaitOf(string? wait) =>
        int.TryParse(wait, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxWaitSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>Absent, or the name of a tracing rule.</summary>
    public static IRuleBuilderOptions<T, string?> MustNameARule<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(r => r is null || RuleOf(r) is not null).WithMessage("must be fifo, pro-rata or libr");

    /// <summary>Absent, or an ISO-8601 instant with its offset.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAMoment<T>(this IRuleBuilder<T, string?> moment) =>
        moment.Must(m => m is null || MomentOf(m) is not null).WithMessage(TimeHint);

    /// <summary>Absent, or a whole number of seconds from 0 to <see cref="MaxWaitSeconds"/>.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAWait<T>(this IRuleBuilder<T, string?> wait) =>
        wait.Must(w => w is null || WaitOf(w) is not null)
            .WithMessage($"must be a whole number of seconds from 0 to {MaxWaitSeconds}");
}
