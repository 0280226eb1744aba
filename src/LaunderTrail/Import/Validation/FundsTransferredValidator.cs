using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

public sealed class FundsTransferredValidator : FactValidator<FundsTransferred>
{
    public FundsTransferredValidator()
    {
        RuleFor(f => f.From).Identifier();
        RuleFor(f => f.To).Identifier()
            .NotEqual(f => f.From).WithMessage("must differ from from");
        RuleFor(f => f.Amount).Amount();
        RuleFor(f => f.Channel).Channel();
        RuleFor(f => f.Currency).Currency();
    }
}
