namespace Registrar.Core.Contracts;

/// <summary>Why a contract rule refuses: the reason, the rule's id (shared/spec/contract-rules.md) and a message for people.</summary>
public sealed record RuleRefusal<TReason>(TReason Reason, string Rule, string Message)
    where TReason : struct, Enum;
