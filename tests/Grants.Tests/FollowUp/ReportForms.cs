using System.Text.Json.Nodes;

namespace Grants.Tests.FollowUp;

/// <summary>Report bodies as an API client sends them (figures after the Trosa part of seeds/001).</summary>
public static class ReportForms
{
    public static JsonObject Status() => JsonNode.Parse("""
    {
      "organisation": "LSG är styrgrupp och träffas en gång i månaden.",
      "personnel": "Två koordinatorer och ett samverkansteam med socialtjänst, Af och skolan.",
      "individual": "28 inskrivna under våren; 7 avslutade, 4 vilande.",
      "participants": { "women": 15, "men": 12, "other": 1, "new": 10, "ended": 7 },
      "outcomes": { "work": 6, "studies": 0, "otherIntervention": 0, "ownRequest": 1, "dormant": 4 },
      "economy": [ { "year": 2026, "personnel": 180000, "premises": 10000, "other": 5000, "evaluation": 0 } ]
    }
    """)!.AsObject();
}
