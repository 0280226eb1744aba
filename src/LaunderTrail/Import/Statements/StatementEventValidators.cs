using FluentValidation;
using LaunderTrail.Evidence;
using LaunderTrail.Import.Validation;

namespace LaunderTrail.Import.Statements;

/// <summary>The rules of the facts a statement import records about statements, checked like every other fact's.</summary>
public sealed class StatementImportedValidator : FactValidator<StatementImported>
{
    public StatementImportedValidator()
    {
        RuleFor(f => f.File).Identifier();
        RuleFor(f => f.Sha256).Matches("^[0-9a-f]{64}$").WithMessage("must be a SHA-256 in lower-case hex");
        RuleFor(f => f.Profile).Must(p => StatementProfiles.Names.Contains(p))
            .WithMessage("must be one of: " + string.Join(", ", StatementProfiles.Names));
        RuleFor(f => f.Accounts).NotEmpty().WithMessage("must name at least one account");
        RuleForEach(f => f.Accounts).Identifier();
        RuleFor(f => f.Holder).Label();
        RuleFor(f => f.RowsUsed).GreaterThanOrEqualTo(0);
        RuleFor(f => f.RowsSkipped).GreaterThanOrEqualTo(0);
        RuleFor(f => f.RowsMatched).GreaterThanOrEqualTo(0);
        RuleFor(f => f.RowsForReview).GreaterThanOrEqualTo(0);
        RuleForEach(f => f.Breaks).FreeText();
    }
}

public sealed class StatementRowMatchedValidator : FactValidator<StatementRowMatched>
{
    public StatementRowMatchedValidator()
    {
        RuleFor(f => f.Fact).Identifier().NotEqual(f => f.Id).WithMessage("must name another fact");
        RuleFor(f => f.Statement).Matches("^[0-9a-f]{64}$").WithMessage("must be a SHA-256 in lower-case hex");
        RuleFor(f => f.Row).GreaterThan(0);
    }
}

public sealed class StatementRowUndecidedValidator : FactValidator<StatementRowUndecided>
{
    public StatementRowUndecidedValidator()
    {
        RuleFor(f => f.From).Identifier();
        RuleFor(f => f.To).Identifier().NotEqual(f => f.From).WithMessage("must differ from from");
        RuleFor(f => f.Amount).Amount();
        RuleFor(f => f.Candidates).NotEmpty().WithMessage("must name at least one recorded transfer");
        RuleForEach(f => f.Candidates).Identifier();
        RuleFor(f => f.Statement).Matches("^[0-9a-f]{64}$").WithMessage("must be a SHA-256 in lower-case hex");
        RuleFor(f => f.Row).GreaterThan(0);
    }
}
