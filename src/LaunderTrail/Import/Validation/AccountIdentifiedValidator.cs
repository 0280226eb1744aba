using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

public sealed class AccountIdentifiedValidator : FactValidator<AccountIdentified>
{
    public AccountIdentifiedValidator()
    {
        RuleFor(f => f.Account).Identifier();
        RuleFor(f => f.Holder).Identifier();
        RuleFor(f => f.Role).IsInEnum().WithMessage("is not a known role");
        RuleFor(f => f.Institution).Identifier();
    }
}
