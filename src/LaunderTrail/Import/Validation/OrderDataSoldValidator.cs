using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

public sealed class OrderDataSoldValidator : FactValidator<OrderDataSold>
{
    public OrderDataSoldValidator()
    {
        RuleFor(f => f.Seller).Identifier();
        RuleFor(f => f.Buyer).Identifier()
            .NotEqual(f => f.Seller).WithMessage("must differ from seller");
        RuleFor(f => f.Records).Count();
        RuleFor(f => f.PricePerRecord).Amount();
        RuleForEach(f => f.Victims).NotNull().WithMessage("must be a string").Identifier();
        RuleFor(f => f.Currency).Currency();
    }
}
