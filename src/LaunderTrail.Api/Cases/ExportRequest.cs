using FluentValidation;
using LaunderTrail.Exports;

namespace LaunderTrail.Api.Cases;

/// <summary>The query parameters of <c>GET /cases/{caseNumber}/export</c>: the file format, and the flow question.</summary>
public sealed class ExportRequest : FlowQuestion
{
    public string? Format { get; set; }

    /// <summary>The format asked for (valid parameters only).</summary>
    public GraphExportFormat ExportFormat => GraphExportFormats.TryParse(Format!, out var parsed) ? parsed : throw new InvalidOperationException("format was not checked");
}

/// <summary>format first (required), then the flow question's parameters.</summary>
public sealed class ExportRequestValidator : AbstractValidator<ExportRequest>
{
    public ExportRequestValidator()
    {
        RuleFor(r => r.Format).Must(f => f is not null && GraphExportFormats.TryParse(f, out _))
            .WithMessage($"must be {GraphExportFormats.Names}").OverridePropertyName("format");
        Include(new FlowQuestionValidator());
    }
}
