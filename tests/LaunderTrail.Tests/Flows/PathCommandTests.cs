using System.Text.Json;
using LaunderTrail.Cli;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tests.Tracing;

namespace LaunderTrail.Tests.Flows;

/// <summary><c>laundertrail path</c>: the routes of the flow graph from a victim to an account, on the spec's mixed case.</summary>
public sealed class PathCommandTests(PostgresServer server) : StoreFixture(server)
{
    private const string Zhang = "Zhang Wei";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Her share of each edge of the conformance graph, keyed by from, to, kind and product.</summary>
    private static Dictionary<string, decimal> HerShares(string rule, string victim)
    {
        using var graph = JsonDocument.Parse(SpecExamples.ReadText($"mixed-case.{rule}.graph.json"));
        return graph.RootElement.GetProperty("edges").EnumerateArray().ToDictionary(
            edge => Key(edge),
            edge => edge.GetProperty("origins").EnumerateArray()
                .Where(o => o.GetProperty("origin").GetString() == victim)
                .Select(o => o.GetProperty("amount").GetDecimal()).SingleOrDefault());
    }

    private static string Key(JsonElement edge) => string.Join("|", new[] { "from", "to", "kind", "product" }
        .Select(name => edge.GetProperty(name).GetString()));

    private static string Nodes(JsonElement route)
    {
        var hops = route.GetProperty("hops").EnumerateArray().ToList();
        return string.Join(" > ", hops.Select(h => h.GetProperty("from").GetString()).Append(hops[^1].GetProperty("to").GetString()))
            .Replace("account:", "");
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    [InlineData("libr")]
    public async Task A_victims_routes_to_a_card_merchant_carry_her_shares_of_the_conformance_graph_largest_last_hop_first(string rule)
    {
        await MixedCase.ImportAsync(Store, Ct);
        var shares = HerShares(rule, Zhang);

        var result = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", Zhang, "--to", "cm-q", "--rule", rule, "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        using var answer = JsonDocument.Parse(result.Output);
        var routes = answer.RootElement.GetProperty("routes").EnumerateArray().ToList();
        Assert.NotEmpty(routes);
        Assert.Equal(Zhang, answer.RootElement.GetProperty("victim").GetString());
        Assert.False(answer.RootElement.GetProperty("truncated").GetBoolean());
        foreach (var route in routes)
        {
            var hops = route.GetProperty("hops").EnumerateArray().ToList();
            Assert.StartsWith("account:zhang-", hops[0].GetProperty("from").GetString());
            Assert.Equal("account:cm-q", hops[^1].GetProperty("to").GetString());
            foreach (var hop in hops)
            {
                Assert.True(shares[Key(hop)] > 0m, Key(hop));
                Assert.Equal(shares[Key(hop)], hop.GetProperty("amount").GetDecimal());
            }
            Assert.Equal(hops[^1].GetProperty("amount").GetDecimal(), route.GetProperty("amount").GetDecimal());
        }
        var amounts = routes.Select(r => r.GetProperty("amount").GetDecimal()).ToList();
        Assert.Equal(amounts.OrderDescending(), amounts);
    }

    [Fact]
    public async Task Under_pro_rata_her_money_reaches_the_q_coin_merchant_only_as_q_coins_and_the_text_view_lists_the_route()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var json = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", Zhang, "--to", "cm-q", "--json");
        var text = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", Zhang, "--to", "cm-q");

        Assert.True(json.ExitCode == ExitCodes.Ok, json.Errors);
        using var answer = JsonDocument.Parse(json.Output);
        // Her Suning cards handed to mid-1 are not the Q coins mid-1 resold to cm-q: only the Q coin purchase is a route.
        Assert.Equal(
            ["zhang-bank > g-1 > g-2 > product:Q coin > mid-1 > cm-q"],
            answer.RootElement.GetProperty("routes").EnumerateArray().Select(Nodes));
        Assert.Equal("pro-rata", answer.RootElement.GetProperty("rule").GetString());
        Assert.EndsWith("\n", json.Output);
        // Each hop names the facts behind it: the purchase p-2 is behind both its purchase and its issue, and the two
        // resales of Q coins to cm-q in the order they happened (x-2, a resale of what mid-1 no longer held, behind none).
        var hops = answer.RootElement.GetProperty("routes")[0].GetProperty("hops").EnumerateArray().ToList();
        Assert.Equal(["f-2", "f-5", "p-2", "p-2", "r-2 r-3"],
            hops.Select(h => string.Join(" ", h.GetProperty("factIds").EnumerateArray().Select(id => id.GetString()))));
        Assert.All(hops, h => Assert.Equal(0, h.GetProperty("moreFacts").GetInt32()));

        Assert.True(text.ExitCode == ExitCodes.Ok, text.Errors);
        Assert.Contains("1 route(s)", text.Output);
        Assert.Contains("5,330.67 reached cm-q in 5 hop(s)", text.Output);
        Assert.Contains("19,990.00", text.Output);
        Assert.Contains("r-2, r-3", text.Output);
    }

    [Fact]
    public async Task An_account_start_follows_every_edge_out_of_it_with_the_edges_full_amounts()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var result = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", "unknown-77", "--to", "cm-suning", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        using var answer = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Null, answer.RootElement.GetProperty("victim").ValueKind);
        var routes = answer.RootElement.GetProperty("routes").EnumerateArray().ToList();
        // The Q coins g-2 bought reach mid-1, but mid-1 resold Suning cards to cm-suning: only the Suning route counts.
        Assert.Equal(["unknown-77 > g-1 > mid-1 > cm-suning"], routes.Select(Nodes));
        Assert.Equal([4010.0m, 10000.0m, 10000.0m],
            routes[0].GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task No_route_is_an_empty_answer_and_fewer_hops_allowed_cut_the_longer_route()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var none = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", "Sun Li", "--to", "zhang-bank", "--json");
        var noneText = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", "Sun Li", "--to", "zhang-bank");
        var short4 = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", Zhang, "--to", "cm-q", "--max-hops", "4", "--json");

        Assert.True(none.ExitCode == ExitCodes.Ok, none.Errors);
        Assert.Contains("\"routes\": []", none.Output);
        Assert.Contains("No route", noneText.Output);
        using var cut = JsonDocument.Parse(short4.Output);
        Assert.Empty(cut.RootElement.GetProperty("routes").EnumerateArray());
        Assert.Equal(4, cut.RootElement.GetProperty("maxHops").GetInt32());
    }

    [Fact]
    public async Task An_unknown_start_target_or_case_is_an_error_and_a_bad_bound_is_refused_before_anything_is_read()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var unknownStart = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", "Nobody", "--to", "cm-q");
        var unknownTarget = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", Zhang, "--to", "cm-nowhere");
        var unknownCase = await RunCommandAsync("path", "--case", "EX-404", "--from", Zhang, "--to", "cm-q");
        var tooMany = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", Zhang, "--to", "cm-q", "--max-hops", "33");
        var none = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", Zhang, "--to", "cm-q", "--max-hops", "0");

        Assert.Equal(ExitCodes.NoInput, unknownStart.ExitCode);
        Assert.Contains("no victim is named 'Nobody' and no account 'Nobody'", unknownStart.Errors);
        Assert.Equal(ExitCodes.NoInput, unknownTarget.ExitCode);
        Assert.Contains("no account 'cm-nowhere'", unknownTarget.Errors);
        Assert.Equal(ExitCodes.NoInput, unknownCase.ExitCode);
        Assert.Contains("case EX-404: no facts recorded", unknownCase.Errors);
        foreach (var refused in new[] { tooMany, none })
        {
            Assert.NotEqual(ExitCodes.Ok, refused.ExitCode);
            Assert.Contains("--max-hops must be 1 to 32", refused.Output + refused.Errors);
            Assert.DoesNotContain("\"routes\"", refused.Output);
        }
    }
}
