using System.Text.Json.Nodes;

namespace Grants.Tests.Infrastructure;

/// <summary>Application forms as JSON the way an API client sends them, built from a complete READY-like form.</summary>
public static class Forms
{
    public const string ApplicantOrgNr = "212000-2643";
    public const string OtherOrgNr = "212000-2858";

    private const string CompleteJson = """
    {
      "organisation": {
        "name": "Skellefteå kommun", "unit": "Gymnasiekontoret", "type": "Kommun",
        "signatory": "Rektor Exempelsson", "organisationNumber": "212000-2643",
        "address": "Exempelgatan 1", "postalCode": "931 85", "city": "Skellefteå",
        "contact": { "name": "Karin Exempel", "phone": "0910-000 00", "mobile": "070-000 00 00", "email": "karin.exempel@exempel.se" },
        "paymentAccountKind": "Bankgiro", "paymentAccount": "5741-0151"
      },
      "project": {
        "name": "READY", "background": "Fler elever når inte gymnasieexamen inom tre år.",
        "purpose": "Individuellt anpassade insatser så att eleverna kan avsluta sina studier.",
        "goals": ["Eleverna avslutar gymnasiestudierna inom fyra år"],
        "boundariesAndAddedValue": "Elever med komplicerad livssituation; samverkan skola–Af.",
        "activities": "Hösten 2026.",
        "startDate": "2026-08-17", "endDate": "2027-06-30",
        "genderEquality": "Insatserna anpassas efter individen oavsett kön.",
        "accessibility": "Lokaler och material är tillgängliga.",
        "diversity": "Alla elever i målgruppen erbjuds plats.",
        "implementation": "Arbetssättet förs in i ordinarie verksamhet."
      },
      "targetGroup": {
        "description": "Elever som riskerar att inte nå examen.", "participants": 25, "ageMin": 18, "ageMax": 21,
        "women": 12, "men": 13, "categories": ["UngaUtanSysselsattning", "Funktionsnedsattning"]
      },
      "cooperation": {
        "members": [ { "memberKey": "skelleftea", "how": "Projektägare" }, { "memberKey": "af", "how": "Information" } ],
        "otherPartners": "UngKomp"
      },
      "followUp": { "plan": "Måluppfyllelse och elevenkät.", "responsibleName": "Rektor Exempelsson", "responsibleEmail": "rektor@exempel.se" },
      "budget": [
        { "year": 2026, "personnel": 430000, "premises": 0, "other": 0, "evaluation": 0, "income": 0 },
        { "year": 2027, "personnel": 200000, "premises": 20000, "other": 10000, "evaluation": 5000, "income": 15000 }
      ],
      "financing": [ { "name": "Europeiska socialfonden", "amount": 100000, "status": "Sokt" } ],
      "signature": { "name": "Rektor Exempelsson", "nameInPrint": "Rektor Exempelsson", "role": "Rektor", "date": "2026-03-01" }
    }
    """;

    /// <summary>Net total of <see cref="Complete"/>: 430 000 + (235 000 − 15 000).</summary>
    public const long CompleteAmountApplied = 650_000;

    public static JsonObject Complete() => JsonNode.Parse(CompleteJson)!.AsObject();

    /// <summary>A complete form for another organisation (the kansli registers it, or the other applicant applies).</summary>
    public static JsonObject CompleteFor(string organisationNumber, string name)
    {
        var form = Complete();
        form["organisation"]!["organisationNumber"] = organisationNumber;
        form["organisation"]!["name"] = name;
        return form;
    }

    /// <summary>A draft with only the project name.</summary>
    public static JsonObject Minimal(string projectName = "Utkast") =>
        new() { ["project"] = new JsonObject { ["name"] = projectName } };

    /// <summary>Sets a value by a path like "project.endDate" or "budget[0].personnel".</summary>
    public static JsonObject Set(this JsonObject form, string path, JsonNode? value)
    {
        var (parent, last) = Walk(form, path);
        if (last is int i) parent.AsArray()[i] = value;
        else parent.AsObject()[(string)last] = value;
        return form;
    }

    /// <summary>Removes a property (or empties a list) by path.</summary>
    public static JsonObject Without(this JsonObject form, string path)
    {
        var (parent, last) = Walk(form, path);
        if (last is int i) parent.AsArray().RemoveAt(i);
        else parent.AsObject().Remove((string)last);
        return form;
    }

    private static (JsonNode Parent, object Last) Walk(JsonObject form, string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            if (bracket < 0)
            {
                steps.Add(part);
                continue;
            }
            steps.Add(part[..bracket]);
            steps.Add(int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
        }
        JsonNode node = form;
        foreach (var step in steps.SkipLast(1))
            node = (step is int i ? node[i] : node[(string)step]) ?? throw new InvalidOperationException($"No {step} in {path}");
        return (node, steps[^1]);
    }
}
