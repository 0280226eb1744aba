using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

/// <summary>The envelope rules every fact shares; each fact type's validator adds its own on top.</summary>
public abstract class FactValidator<T> : AbstractValidator<T> where T : CaseEvent
{
    protected FactValidator()
    {
        RuleFor(f => f.Id).Identifier();
        RuleFor(f => f.Case).Identifier();
        RuleFor(f => f.Source).FreeText();
        RuleFor(f => f.Note).FreeText();
    }
}
