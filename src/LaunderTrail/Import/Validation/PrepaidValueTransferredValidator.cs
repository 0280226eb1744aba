using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

public sealed class PrepaidValueTransferredValidator : FactValidator<PrepaidValueTransferred>
{
    public PrepaidValueTransferredValidator()
    {
        RuleFor(f => f.Lot).Identifier();
        RuleFor(f => f.From).Identifier();
        RuleFor(f => f.To).Identifier()
            .NotEqual(f => f.From).WithMessage("must differ from from");
        RuleFor(f => f.FaceValue).Amount();
        RuleFor(f => f.Currency).Currency();
    }
}
