namespace Grants.Applications;

/// <summary>Swedish labels for application states shown in lists (the workflow definition owns the full set).</summary>
public static class StateLabels
{
    public static string For(string state) => state switch
    {
        ApplicationStates.Draft => "Utkast",
        ApplicationStates.Received => "Inkommen",
        _ => state,
    };
}
