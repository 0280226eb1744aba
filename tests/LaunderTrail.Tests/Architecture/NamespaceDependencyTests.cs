using System.Reflection;
using LaunderTrail.Storage;
using NetArchTest.Rules;

namespace LaunderTrail.Tests.Architecture;

/// <summary>
/// Dependencies between the capabilities go one way: the vocabulary and checks of access (keys, the access log's chain)
/// know nothing of how the store is opened, and the court's chain checks know nothing of the case reads built on them.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private static readonly Assembly Core = typeof(CaseStore).Assembly;

    private static readonly string[] OneWay = ["LaunderTrail.Access", "LaunderTrail.Cases", "LaunderTrail.Court", "LaunderTrail.Storage"];

    [Theory]
    [InlineData("LaunderTrail.Access", "LaunderTrail.Storage")]
    [InlineData("LaunderTrail.Court", "LaunderTrail.Cases")]
    public void A_namespace_does_not_depend_on_one_built_on_it(string below, string above)
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace(below).ShouldNot().HaveDependencyOn(above).GetResult();

        Assert.True(result.IsSuccessful, $"{below} depends on {above} through {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Access_cases_court_and_storage_depend_on_each_other_without_a_cycle()
    {
        var edges = OneWay.ToDictionary(from => from, from => OneWay
            .Where(to => to != from && Types.InAssembly(Core).That().ResideInNamespace(from).And().HaveDependencyOn(to).GetTypes().Any())
            .ToList());

        var cycle = FirstCycle(edges);

        Assert.True(cycle is null, $"namespace cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    private static List<string>? FirstCycle(Dictionary<string, List<string>> edges)
    {
        var done = new HashSet<string>();
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0) return [.. path[at..], node];
            if (!done.Add(node)) return null;
            path.Add(node);
            foreach (var next in edges[node])
                if (Visit(next) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            return null;
        }

        return edges.Keys.Select(Visit).FirstOrDefault(c => c is not null);
    }
}
