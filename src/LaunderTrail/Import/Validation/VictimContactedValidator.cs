using FluentValidation;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Validation;

public sealed class VictimContactedValidator : FactValidator<VictimContacted>
{
    public VictimContactedValidator()
    {
        RuleFor(f => f.Victim).Identifier();
        RuleFor(f => f.By).Identifier();
        RuleFor(f => f.Channel).Identifier();
        RuleFor(f => f.Pretext).Label();
    }
}
