namespace Grants.Shared;

public enum OutcomeKind { Ok, Invalid, NotFound, Conflict, Forbidden }

/// <summary>Why a <see cref="OutcomeKind.Conflict"/>: a retry after reloading may succeed only for <see cref="ConcurrentChange"/>.</summary>
public enum ConflictReason { None, ConcurrentChange }

/// <summary>The result of a use case, mapped to HTTP by the API and to the form by the pages.</summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, ValidationErrors? errors, string? message, ConflictReason reason = ConflictReason.None)
    {
        Kind = kind;
        Reason = reason;
        Value = value;
        Errors = errors ?? new ValidationErrors();
        Message = message;
    }

    public OutcomeKind Kind { get; }
    public T? Value { get; }
    public ValidationErrors Errors { get; }
    public string? Message { get; }
    public bool IsOk => Kind == OutcomeKind.Ok;
    public ConflictReason Reason { get; }
    /// <summary>Someone else changed the record meanwhile (an optimistic-concurrency refusal, 409).</summary>
    public bool IsConcurrentChange => Reason == ConflictReason.ConcurrentChange;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);
    public static Outcome<T> Invalid(ValidationErrors errors) => new(OutcomeKind.Invalid, default, errors, "Uppgifterna innehåller fel.");
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, null, "Hittades inte.");
    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, null, message);
    public static Outcome<T> ConcurrentChange(string message) => new(OutcomeKind.Conflict, default, null, message, ConflictReason.ConcurrentChange);
    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, null, message);

    public static implicit operator Outcome<T>(T value) => Ok(value);
}

public static class Outcome
{
    /// <summary>Carries a failed outcome over to another result type.</summary>
    public static Outcome<TOut> From<TOut, TIn>(Outcome<TIn> failed) => failed.Kind switch
    {
        OutcomeKind.Invalid => Outcome<TOut>.Invalid(failed.Errors),
        OutcomeKind.NotFound => Outcome<TOut>.NotFound(),
        OutcomeKind.Conflict => failed.IsConcurrentChange ? Outcome<TOut>.ConcurrentChange(failed.Message ?? "") : Outcome<TOut>.Conflict(failed.Message ?? ""),
        OutcomeKind.Forbidden => Outcome<TOut>.Forbidden(failed.Message ?? ""),
        _ => throw new InvalidOperationException("Only a failed outcome can be carried over."),
    };
}
