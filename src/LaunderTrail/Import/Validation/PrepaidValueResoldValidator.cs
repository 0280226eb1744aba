using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

public sealed class PrepaidValueResoldValidator : FactValidator<PrepaidValueResold>
{
    public PrepaidValueResoldValidator()
    {
        RuleFor(f => f.Lot).Identifier();
        RuleFor(f => f.Seller).Identifier();
        RuleFor(f => f.Buyer).Identifier()
            .NotEqual(f => f.Seller).WithMessage("must differ from seller");
        RuleFor(f => f.FaceValue).Amount();
        RuleFor(f => f.Price).Amount();
        RuleFor(f => f.PaidTo).Identifier();
        RuleFor(f => f.Currency).Currency();
    }
}
