using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

public sealed class AccountsSoldValidator : FactValidator<AccountsSold>
{
    public AccountsSoldValidator()
    {
        RuleFor(f => f.Seller).Identifier();
        RuleFor(f => f.Buyer).Identifier()
            .NotEqual(f => f.Seller).WithMessage("must differ from seller");
        RuleFor(f => f.Platform).Identifier();
        RuleFor(f => f.Count).Count();
        RuleFor(f => f.UnitPrice).Amount();
        RuleFor(f => f.Currency).Currency();
    }
}
