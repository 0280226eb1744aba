using FluentValidation;
using LaunderTrail.Access;
using LaunderTrail.Evidence;
using LaunderTrail.Flows;

namespace LaunderTrail.Import.Validation;

/// <summary>The envelope rules every fact shares; each fact type's validator adds its own on top.</summary>
public abstract class FactValidator<T> : AbstractValidator<T> where T : CaseEvent
{
    protected FactValidator()
    {
        RuleFor(f => f.Id).Identifier();
        RuleFor(f => f.Case).Identifier()
            .Must(@case => @case is null || !AccessLogFile.IsAccessLogKey(@case))
            .WithMessage($"is reserved for access logs: a case number may not be '{AccessLogFile.ListsStreamKey}' or begin with 'access:'")
            .Must(@case => @case is null || !RecordingNotices.IsNoticeKey(@case))
            .WithMessage($"is reserved for recording notices: a case number may not begin with '{RecordingNotices.StreamPrefix}'");
        RuleFor(f => f.Source).FreeText();
        RuleFor(f => f.Note).FreeText();
    }
}
