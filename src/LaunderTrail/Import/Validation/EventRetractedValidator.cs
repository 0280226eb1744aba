using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

public sealed class EventRetractedValidator : FactValidator<EventRetracted>
{
    public EventRetractedValidator()
    {
        RuleFor(f => f.Retracts).Identifier()
            .NotEqual(f => f.Id).WithMessage("a fact cannot retract itself");
        RuleFor(f => f.Reason).Label();
    }
}
