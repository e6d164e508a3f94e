namespace Grants.Applications;

/// <summary>Swedish display names for the form's choices.</summary>
public static class Labels
{
    public static string Of(OrganisationType t) => t switch
    {
        OrganisationType.Kommun => "Kommun",
        OrganisationType.Region => "Region",
        OrganisationType.StatligMyndighet => "Statlig myndighet",
        OrganisationType.IdeellForening => "Ideell förening",
        OrganisationType.Stiftelse => "Stiftelse",
        OrganisationType.Trossamfund => "Trossamfund",
        OrganisationType.Aktiebolag => "Aktiebolag",
        OrganisationType.EkonomiskForening => "Ekonomisk förening",
        OrganisationType.ArbetsintegrerandeSocialtForetag => "Arbetsintegrerande socialt företag",
        OrganisationType.Annan => "Annan",
        _ => t.ToString(),
    };

    public static string Of(TargetCategory c) => c switch
    {
        TargetCategory.UngaUtanSysselsattning => "Unga utan sysselsättning",
        TargetCategory.Forsorjningsstod => "Personer med försörjningsstöd",
        TargetCategory.Aktivitetsersattning => "Personer med aktivitetsersättning",
        TargetCategory.Sjukskrivna => "Sjukskrivna",
        TargetCategory.Funktionsnedsattning => "Personer med funktionsnedsättning",
        TargetCategory.NyanlandaMedUppehallstillstand => "Nyanlända med uppehållstillstånd",
        TargetCategory.Asylsokande => "Asylsökande",
        TargetCategory.Langtidsarbetslosa => "Långtidsarbetslösa",
        _ => c.ToString(),
    };

    public static string Of(FunderStatus s) => s switch
    {
        FunderStatus.Sokt => "Sökt, ej beslutat",
        FunderStatus.Beviljad => "Beviljad",
        FunderStatus.Avslagen => "Avslagen",
        _ => s.ToString(),
    };

    public static string Of(PaymentAccountKind k) => k == PaymentAccountKind.Bankgiro ? "Bankgiro" : "Plusgiro";
}
