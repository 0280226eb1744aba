using FluentValidation;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// The query parameters of <c>GET /cases/{caseNumber}/timeline</c>: one timeline file (<c>format</c>) or the whole
/// bundle, and the flow question (no rule: fifo and pro-rata side by side).
/// </summary>
public sealed class TimelineRequest : FlowQuestion
{
    public static readonly IReadOnlyDictionary<string, (string File, string ContentType)> Formats =
        new Dictionary<string, (string File, string ContentType)>(StringComparer.Ordinal)
        {
            ["json"] = ("timeline.json", "application/json"),
            ["md"] = ("timeline.md", "text/markdown; charset=utf-8"),
            ["html"] = ("timeline.html", "text/html; charset=utf-8"),
        };

    public string? Format { get; set; }
}

/// <summary>format first (absent, json, md or html), then the flow question's parameters.</summary>
public sealed class TimelineRequestValidator : AbstractValidator<TimelineRequest>
{
    public TimelineRequestValidator()
    {
        RuleFor(r => r.Format).Must(f => f is null || TimelineRequest.Formats.ContainsKey(f))
            .WithMessage("must be json, md or html (or absent for the whole bundle as a zip)").OverridePropertyName("format");
        Include(new FlowQuestionValidator());
    }
}
