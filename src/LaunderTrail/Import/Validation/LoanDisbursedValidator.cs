using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

public sealed class LoanDisbursedValidator : FactValidator<LoanDisbursed>
{
    public LoanDisbursedValidator()
    {
        RuleFor(f => f.Lender).Identifier();
        RuleFor(f => f.To).Identifier()
            .NotEqual(f => f.Lender).WithMessage("must differ from lender");
        RuleFor(f => f.Amount).Amount();
        RuleFor(f => f.Currency).Currency();
    }
}
