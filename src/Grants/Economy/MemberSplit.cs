using Grants.Association;

namespace Grants.Economy;

/// <summary>One party of the 5 § split: its members' contributions against the law's share.</summary>
public sealed record SplitParty(string Label, IReadOnlyList<string> Members, long Amount, int ShareQuarters, decimal Expected, bool WithinTolerance)
{
    public string ShareLabel => ShareQuarters == 2 ? "hälften" : "en fjärdedel";
}

/// <summary>
/// 5 § Lag (2003:1210): the state (through Försäkringskassan) pays half, the region(s) a quarter and the kommuner
/// together a quarter. Members and their kinds come from the förbund profile. A party's contributions may differ
/// from its exact share by at most the configured tolerance (Economy:SplitToleranceKronor), because a share of an
/// odd total is not whole kronor.
/// </summary>
public static class MemberSplit
{
    public static IReadOnlyList<SplitParty> Check(IReadOnlyList<Member> members, IReadOnlyDictionary<string, long> contributions, long tolerance)
    {
        var total = contributions.Values.Sum();
        SplitParty Party(string label, int quarters, params MemberKind[] kinds)
        {
            var of = members.Where(m => kinds.Contains(m.Kind)).ToList();
            var amount = of.Sum(m => contributions.GetValueOrDefault(m.Key));
            // Integer comparison of amount against total × quarters / 4, scaled by 4 to stay exact.
            var within = Math.Abs(4 * amount - total * quarters) <= 4 * tolerance;
            return new SplitParty(label, of.Select(m => m.Name).ToList(), amount, quarters, total * quarters / 4m, within);
        }
        return
        [
            // Arbetsförmedlingen is a member but the state's share is paid through Försäkringskassan; anything it pays counts to the state.
            Party("Staten (Försäkringskassan)", 2, MemberKind.Forsakringskassan, MemberKind.Arbetsformedlingen),
            Party("Region", 1, MemberKind.Region),
            Party("Kommunerna tillsammans", 1, MemberKind.Kommun),
        ];
    }
}
