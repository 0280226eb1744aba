using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

public sealed class TracingRulesTests
{
    [Theory]
    [InlineData("fifo", TracingRule.Fifo)]
    [InlineData("pro-rata", TracingRule.ProRata)]
    [InlineData("libr", TracingRule.Libr)]
    public void A_rule_is_read_back_from_its_name(string name, TracingRule rule)
    {
        // Given a rule's name
        // When it is parsed
        var parsed = TracingRules.TryParse(name, out var result);

        // Then it is the rule, whose name it is
        Assert.True(parsed);
        Assert.Equal(rule, result);
        Assert.Equal(name, TracingRules.Name(rule));
    }

    [Theory]
    [InlineData("FIFO")]
    [InlineData("prorata")]
    [InlineData("LIBR")]
    [InlineData("lowest-intermediate-balance")]
    [InlineData("")]
    public void Other_names_are_no_rule(string name)
    {
        // Given a name no rule has
        // When it is parsed
        // Then it is refused
        Assert.False(TracingRules.TryParse(name, out _));
    }
}
