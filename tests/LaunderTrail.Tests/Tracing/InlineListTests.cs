using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

public sealed class InlineListTests
{
    [Fact]
    public void Items_keep_their_order_from_the_inline_one_through_a_growing_array()
    {
        var list = new InlineList<int>();
        list.Add(1);
        Assert.Equal([1], list.Items.ToArray());

        for (var i = 2; i <= 9; i++) list.Add(i);
        list.RemoveAt(0);
        list.RemoveAt(3);

        Assert.Equal([2, 3, 4, 6, 7, 8, 9], list.Items.ToArray());
        list.Truncate(2);
        Assert.Equal([2, 3], list.Items.ToArray());
        list.Clear();
        Assert.Equal(0, list.Count);
        list.Add(10);
        list.Add(11);
        Assert.Equal([10, 11], list.Items.ToArray());
    }

    [Fact]
    public void The_one_inline_item_can_be_removed_and_replaced()
    {
        var list = new InlineList<string>();
        list.Add("a");
        list.RemoveAt(0);
        list.Add("b");

        Assert.Equal(["b"], list.Items.ToArray());
    }
}
