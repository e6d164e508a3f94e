using Microsoft.Extensions.Options;

namespace Grants.Association;

public sealed class AssociationOptionsValidator : IValidateOptions<AssociationOptions>
{
    public ValidateOptionsResult Validate(string? name, AssociationOptions o)
    {
        var failures = new List<string>();
        for (var i = 0; i < o.Members.Count; i++)
        {
            var m = o.Members[i];
            var key = $"Association:Members:{i}";
            if (string.IsNullOrWhiteSpace(m.Key)) failures.Add($"{key}:Key saknas.");
            if (string.IsNullOrWhiteSpace(m.Name)) failures.Add($"{key}:Name saknas.");
            if (string.IsNullOrWhiteSpace(m.GenitiveName)) failures.Add($"{key}:GenitiveName saknas.");
            if (!Enum.IsDefined(m.Kind)) failures.Add($"{key}:Kind måste vara Forsakringskassan, Arbetsformedlingen, Region eller Kommun.");
            if (!string.IsNullOrWhiteSpace(m.OrganisationNumber) && !Applications.SwedishIdentifiers.IsValidOrganisationNumber(m.OrganisationNumber))
                failures.Add($"{key}:OrganisationNumber är inte ett giltigt organisationsnummer.");
        }
        foreach (var dup in o.Members.GroupBy(m => m.Key).Where(g => g.Count() > 1))
            failures.Add($"Association:Members har nyckeln '{dup.Key}' flera gånger.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
