using System.Globalization;
using FluentValidation;

namespace LaunderTrail.Api.Cases;

/// <summary>The query parameters of <c>GET /cases/{caseNumber}/status</c>: how long to wait for the read models, if at all.</summary>
public sealed class StatusRequest
{
    /// <summary>The longest wait a request may ask for: longer waits belong to a client that polls.</summary>
    public const int MaxWaitSeconds = 300;

    public string? Wait { get; set; }

    public TimeSpan? Patience => SecondsOf(Wait) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public static int? SecondsOf(string? wait) =>
        int.TryParse(wait, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxWaitSeconds ? seconds : null;
}

/// <summary>wait: absent, or a whole number of seconds from 0 to <see cref="StatusRequest.MaxWaitSeconds"/>.</summary>
public sealed class StatusRequestValidator : AbstractValidator<StatusRequest>
{
    public StatusRequestValidator()
    {
        RuleFor(r => r.Wait).Must(w => w is null || StatusRequest.SecondsOf(w) is not null)
            .WithMessage($"must be a whole number of seconds from 0 to {StatusRequest.MaxWaitSeconds}").OverridePropertyName("wait");
    }
}
