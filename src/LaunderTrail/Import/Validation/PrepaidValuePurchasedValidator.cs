using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

public sealed class PrepaidValuePurchasedValidator : FactValidator<PrepaidValuePurchased>
{
    public PrepaidValuePurchasedValidator()
    {
        RuleFor(f => f.Lot).Identifier();
        RuleFor(f => f.Product).Identifier();
        RuleFor(f => f.Buyer).Identifier();
        RuleFor(f => f.Holder).Identifier();
        RuleFor(f => f.Paid).Amount();
        RuleFor(f => f.FaceValue).Amount();
        RuleFor(f => f.Currency).Currency();
    }
}
