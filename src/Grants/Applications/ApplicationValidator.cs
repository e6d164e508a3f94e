using System.Net.Mail;
using Grants.Association;
using Grants.Shared;

namespace Grants.Applications;

public enum ValidationMode
{
    /// <summary>A draft: what is filled in must be well-formed; nothing is required.</summary>
    Draft,
    /// <summary>Submission: well-formed and complete.</summary>
    Submit,
}

/// <summary>Every check of the form, returning all errors at once, per field, in Swedish.</summary>
public static class ApplicationValidator
{
    public const int MaxTextLength = 20_000;
    public const int MaxShortText = 300;
    public const long MaxAmount = 1_000_000_000;
    private const int MinYear = DateBounds.MinYear, MaxYear = DateBounds.MaxYear, MaxProjectYears = DateBounds.MaxProjectYears;

    public static ValidationErrors Validate(ApplicationForm form, AssociationProfile profile, ValidationMode mode)
    {
        var e = new ValidationErrors();
        var submit = mode == ValidationMode.Submit;
        ValidateOrganisation(form.Organisation, e, submit);
        ValidateProject(form.Project, e, submit);
        ValidateTargetGroup(form.TargetGroup, e, submit);
        ValidateCooperation(form.Cooperation, profile, e, submit);
        ValidateFollowUp(form.FollowUp, e, submit);
        ValidateBudget(form, e, submit);
        ValidateFinancing(form.Financing, e);
        ValidateSignature(form.Signature, e, submit);
        return e;
    }

    private static void Required(ValidationErrors e, bool submit, string field, string? value, string label, int max = MaxShortText)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (submit) e.Add(field, $"{label} måste fyllas i.");
        }
        else if (value.Length > max)
        {
            e.Add(field, $"{label} får vara högst {max} tecken.");
        }
    }

    private static void Optional(ValidationErrors e, string field, string? value, string label, int max = MaxShortText)
    {
        if (value is not null && value.Length > max) e.Add(field, $"{label} får vara högst {max} tecken.");
    }

    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var a) && a.Address == value.Trim() && value.Contains('.', StringComparison.Ordinal);

    private static void Email(ValidationErrors e, bool submit, string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (submit) e.Add(field, $"{label} måste fyllas i.");
        }
        else if (!IsEmail(value.Trim()))
        {
            e.Add(field, $"{label} är inte en giltig e-postadress.");
        }
    }

    private static void ValidateOrganisation(OrganisationSection o, ValidationErrors e, bool submit)
    {
        Required(e, submit, "organisation.name", o.Name, "Organisationens namn");
        Optional(e, "organisation.unit", o.Unit, "Enhet");
        if (o.Type is null && submit) e.Add("organisation.type", "Organisationstyp måste väljas.");
        else if (o.Type is not null && !Enum.IsDefined(o.Type.Value)) e.Add("organisation.type", "Organisationstyp är okänd.");
        Required(e, submit, "organisation.signatory", o.Signatory, "Firmatecknare/chef");
        if (string.IsNullOrWhiteSpace(o.OrganisationNumber))
        {
            if (submit) e.Add("organisation.organisationNumber", "Organisationsnummer måste fyllas i.");
        }
        else if (!SwedishIdentifiers.IsValidOrganisationNumber(o.OrganisationNumber))
        {
            e.Add("organisation.organisationNumber", "Organisationsnummer måste vara tio siffror (NNNNNN-NNNN) med rätt kontrollsiffra.");
        }
        Required(e, submit, "organisation.address", o.Address, "Utdelningsadress");
        if (string.IsNullOrWhiteSpace(o.PostalCode))
        {
            if (submit) e.Add("organisation.postalCode", "Postnummer måste fyllas i.");
        }
        else if (!SwedishIdentifiers.IsValidPostalCode(o.PostalCode))
        {
            e.Add("organisation.postalCode", "Postnummer måste vara fem siffror (NNN NN).");
        }
        Required(e, submit, "organisation.city", o.City, "Postort");
        Required(e, submit, "organisation.contact.name", o.Contact.Name, "Kontaktpersonens namn");
        Optional(e, "organisation.contact.phone", o.Contact.Phone, "Telefon", 40);
        Optional(e, "organisation.contact.mobile", o.Contact.Mobile, "Mobil", 40);
        if (submit && string.IsNullOrWhiteSpace(o.Contact.Phone) && string.IsNullOrWhiteSpace(o.Contact.Mobile))
            e.Add("organisation.contact.phone", "Ange telefon eller mobil för kontaktpersonen.");
        Email(e, submit, "organisation.contact.email", o.Contact.Email, "Kontaktpersonens e-post");
        ValidatePaymentAccount(o, e, submit);
    }

    private static void ValidatePaymentAccount(OrganisationSection o, ValidationErrors e, bool submit)
    {
        if (string.IsNullOrWhiteSpace(o.PaymentAccount))
        {
            if (submit) e.Add("organisation.paymentAccount", "Plusgiro eller bankgiro måste fyllas i.");
            return;
        }
        switch (o.PaymentAccountKind)
        {
            case null:
                e.Add("organisation.paymentAccountKind", "Välj om kontot är plusgiro eller bankgiro.");
                break;
            case PaymentAccountKind.Bankgiro when !SwedishIdentifiers.IsValidBankgiro(o.PaymentAccount):
                e.Add("organisation.paymentAccount", "Bankgironumret måste vara 7–8 siffror (NNN-NNNN eller NNNN-NNNN) med rätt kontrollsiffra.");
                break;
            case PaymentAccountKind.Plusgiro when !SwedishIdentifiers.IsValidPlusgiro(o.PaymentAccount):
                e.Add("organisation.paymentAccount", "Plusgironumret måste vara 2–8 siffror med rätt kontrollsiffra.");
                break;
        }
    }

    private static void ValidateProject(ProjectSection p, ValidationErrors e, bool submit)
    {
        Required(e, submit, "project.name", p.Name, "Projektets namn");
        Required(e, submit, "project.background", p.Background, "Bakgrund/problemformulering", MaxTextLength);
        Required(e, submit, "project.purpose", p.Purpose, "Syfte", MaxTextLength);
        var goals = p.Goals.Where(g => !string.IsNullOrWhiteSpace(g)).ToList();
        if (submit && goals.Count == 0) e.Add("project.goals", "Ange minst ett mätbart mål.");
        for (var i = 0; i < p.Goals.Count; i++)
            Optional(e, $"project.goals[{i}]", p.Goals[i], $"Mål {i + 1}", 2_000);
        Required(e, submit, "project.boundariesAndAddedValue", p.BoundariesAndAddedValue, "Avgränsningar och mervärde", MaxTextLength);
        Required(e, submit, "project.activities", p.Activities, "Genomförande, tid och aktivitetsplan", MaxTextLength);
        if (p.StartDate is null && submit) e.Add("project.startDate", "Startdatum måste fyllas i.");
        if (p.EndDate is null && submit) e.Add("project.endDate", "Slutdatum måste fyllas i.");
        var startOk = InRange(e, "project.startDate", p.StartDate, "Startdatum");
        var endOk = InRange(e, "project.endDate", p.EndDate, "Slutdatum");
        if (p.StartDate is { } s && p.EndDate is { } end && startOk && endOk)
        {
            if (end < s) e.Add("project.endDate", "Slutdatum får inte vara före startdatum.");
            else if (end >= s.AddYears(MaxProjectYears)) e.Add("project.endDate", $"Projektperioden får vara högst {MaxProjectYears} år.");
        }
        Required(e, submit, "project.genderEquality", p.GenderEquality, "Jämställdhet", MaxTextLength);
        Required(e, submit, "project.accessibility", p.Accessibility, "Tillgänglighet", MaxTextLength);
        Required(e, submit, "project.diversity", p.Diversity, "Mångfald", MaxTextLength);
        Required(e, submit, "project.implementation", p.Implementation, "Implementering", MaxTextLength);
    }

    private static void ValidateTargetGroup(TargetGroupSection t, ValidationErrors e, bool submit)
    {
        Required(e, submit, "targetGroup.description", t.Description, "Målgruppens beskrivning", MaxTextLength);
        if (t.Participants is null)
        {
            if (submit) e.Add("targetGroup.participants", "Antal deltagare måste fyllas i.");
        }
        else if (t.Participants is < 1 or > 100_000)
        {
            e.Add("targetGroup.participants", "Antal deltagare måste vara mellan 1 och 100 000.");
        }
        if (t.AgeMin is null && submit) e.Add("targetGroup.ageMin", "Lägsta ålder måste fyllas i.");
        if (t.AgeMax is null && submit) e.Add("targetGroup.ageMax", "Högsta ålder måste fyllas i.");
        if (t.AgeMin is < 0 or > 120) e.Add("targetGroup.ageMin", "Lägsta ålder måste vara mellan 0 och 120.");
        if (t.AgeMax is < 0 or > 120) e.Add("targetGroup.ageMax", "Högsta ålder måste vara mellan 0 och 120.");
        if (t.AgeMin is { } min && t.AgeMax is { } max && min > max)
            e.Add("targetGroup.ageMax", "Högsta ålder får inte vara lägre än lägsta ålder.");
        if (t.Women is < 0) e.Add("targetGroup.women", "Antal kvinnor får inte vara negativt.");
        if (t.Men is < 0) e.Add("targetGroup.men", "Antal män får inte vara negativt.");
        if (t.Participants is { } n && (t.Women ?? 0) + (t.Men ?? 0) > n)
            e.Add("targetGroup.women", "Kvinnor och män kan tillsammans inte vara fler än antalet deltagare.");
        if (t.Categories.Any(c => !Enum.IsDefined(c))) e.Add("targetGroup.categories", "Okänd målgruppskategori.");
    }

    private static void ValidateCooperation(CooperationSection c, AssociationProfile profile, ValidationErrors e, bool submit)
    {
        for (var i = 0; i < c.Members.Count; i++)
        {
            if (profile.FindMember(c.Members[i].MemberKey) is null)
                e.Add($"cooperation.members[{i}].memberKey", "Huvudmannen finns inte i förbundet.");
            Optional(e, $"cooperation.members[{i}].how", c.Members[i].How, "Hur huvudmannen medverkar", 2_000);
        }
        if (c.Members.GroupBy(m => m.MemberKey).Any(g => g.Count() > 1))
            e.Add("cooperation.members", "Samma huvudman är angiven flera gånger.");
        if (submit && c.Members.Count == 0)
            e.Add("cooperation.members", "Ange vilka av förbundets huvudmän som samverkar i projektet.");
        Optional(e, "cooperation.otherPartners", c.OtherPartners, "Övriga samarbetsparter", MaxTextLength);
    }

    private static void ValidateFollowUp(FollowUpSection f, ValidationErrors e, bool submit)
    {
        Required(e, submit, "followUp.plan", f.Plan, "Uppföljning/utvärdering", MaxTextLength);
        Required(e, submit, "followUp.responsibleName", f.ResponsibleName, "Ansvarig för återrapportering");
        Email(e, submit, "followUp.responsibleEmail", f.ResponsibleEmail, "E-post till ansvarig för återrapportering");
    }

    private static void ValidateBudget(ApplicationForm form, ValidationErrors e, bool submit)
    {
        var budget = form.Budget;
        if (submit && budget.Count == 0) e.Add("budget", "Budgeten måste ha minst ett år.");
        if (budget.GroupBy(y => y.Year).Any(g => g.Count() > 1)) e.Add("budget", "Varje år får bara finnas en gång i budgeten.");
        for (var i = 0; i < budget.Count; i++)
        {
            var y = budget[i];
            if (y.Year is < MinYear or > MaxYear) e.Add($"budget[{i}].year", $"Budgetåret måste vara ett årtal mellan {MinYear} och {MaxYear}.");
            Amount(e, $"budget[{i}].personnel", y.Personnel, $"Personal {y.Year}");
            Amount(e, $"budget[{i}].premises", y.Premises, $"Lokal {y.Year}");
            Amount(e, $"budget[{i}].other", y.Other, $"Övriga kostnader {y.Year}");
            Amount(e, $"budget[{i}].evaluation", y.Evaluation, $"Utvärderingskostnader {y.Year}");
            Amount(e, $"budget[{i}].income", y.Income, $"Intäkter {y.Year}");
            if (y.Personnel >= 0 && y.Premises >= 0 && y.Other >= 0 && y.Evaluation >= 0 && y.Income > y.TotalCosts)
                e.Add($"budget[{i}].income", $"Intäkterna {y.Year} får inte vara större än summa kostnader.");
            // A draft may be saved while the dates and the years are still being worked out; submission needs them to agree.
            if (submit && form.Project.StartDate is { } s && form.Project.EndDate is { } end && y.Year >= 2000 && (y.Year < s.Year || y.Year > end.Year))
                e.Add($"budget[{i}].year", $"Budgetåret {y.Year} ligger utanför projektperioden {s:yyyy-MM-dd}–{end:yyyy-MM-dd}. Ändra året eller projektets start- och slutdatum.");
        }
        if (submit && budget.Count > 0 && Budget.Compute(budget).NetCost <= 0)
            e.Add("budget", "Sökt belopp (summa nettokostnader) måste vara större än 0 kronor.");
    }

    private static void Amount(ValidationErrors e, string field, long value, string label)
    {
        if (value < 0) e.Add(field, $"{label}: beloppet får inte vara negativt. Ange ett belopp från 0 kronor.");
        else if (value > MaxAmount) e.Add(field, $"{label}: beloppet är orimligt stort.");
    }

    private static void ValidateFinancing(List<OtherFunder> funders, ValidationErrors e)
    {
        for (var i = 0; i < funders.Count; i++)
        {
            var f = funders[i];
            if (string.IsNullOrWhiteSpace(f.Name)) e.Add($"financing[{i}].name", "Finansiärens namn måste fyllas i.");
            Amount(e, $"financing[{i}].amount", f.Amount, "Finansiärens belopp");
            if (!Enum.IsDefined(f.Status)) e.Add($"financing[{i}].status", "Okänd status för finansiären.");
            if (f.Status != FunderStatus.Sokt && f.DecisionDate is null)
                e.Add($"financing[{i}].decisionDate", "Ange beslutsdatum när finansiären har beslutat.");
            InRange(e, $"financing[{i}].decisionDate", f.DecisionDate, "Finansiärens beslutsdatum");
        }
    }

    private static void ValidateSignature(SignatureSection s, ValidationErrors e, bool submit)
    {
        Required(e, submit, "signature.name", s.Name, "Underskrift (namn)");
        Required(e, submit, "signature.nameInPrint", s.NameInPrint, "Namnförtydligande");
        Required(e, submit, "signature.role", s.Role, "Befattning");
        if (s.Date is null && submit) e.Add("signature.date", "Datum för underskrift måste fyllas i.");
        InRange(e, "signature.date", s.Date, "Datum för underskrift");
    }

    /// <summary>False (with a field error) when the date is outside <see cref="MinYear"/>–<see cref="MaxYear"/>; true when empty or inside.</summary>
    private static bool InRange(ValidationErrors e, string field, DateOnly? date, string label)
    {
        if (date is not { } d || DateBounds.Within(d)) return true;
        e.Add(field, DateBounds.Message(label));
        return false;
    }
}
