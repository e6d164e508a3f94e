namespace Grants.Account;

/// <summary>The password inputs of a form (see _PasswordFields.cshtml).</summary>
public sealed record PasswordFieldsModel(params PasswordField[] Fields)
{
    public const string Rules = "Minst 12 tecken med stor och liten bokstav, siffra och specialtecken.";

    /// <summary>A new password and its repeat, named Prefix.Password and Prefix.Confirm.</summary>
    public static PasswordFieldsModel NewPassword(string prefix, string label = "Lösenord") => new(
        new PasswordField($"{prefix}.Password", label, "new-password", Rules),
        new PasswordField($"{prefix}.Confirm", "Upprepa lösenordet", "new-password"));
}

public sealed record PasswordField(string Name, string Label, string Autocomplete, string? Hint = null);
